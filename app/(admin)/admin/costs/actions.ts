"use server";

import { revalidatePath } from "next/cache";

import { ZUnitCostInput } from "@/lib/domain/in-kind-value";
import { validatedAction } from "@/lib/server/action";
import { addUnitCost } from "@/lib/server/admin/unit-costs";

export const addUnitCostAction = validatedAction("addUnitCost", ZUnitCostInput, async (viewer, input) => {
  await addUnitCost(viewer, input);
  revalidatePath("/admin/costs");
  return { status: "success", message: { key: "admin-costs-added" } };
});
