"use server";

import { revalidatePath } from "next/cache";

import { ZTargetsInput } from "@/lib/domain/review/targets";
import { validatedAction } from "@/lib/server/action";
import { updateTargets } from "@/lib/server/admin/targets";

export const updateTargetsAction = validatedAction("updateTargets", ZTargetsInput, async (viewer, input) => {
  await updateTargets(viewer, input);
  revalidatePath("/admin/targets");
  return { status: "success", message: { key: "admin-targets-saved" } };
});
