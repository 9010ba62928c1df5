"use server";

import { redirect } from "next/navigation";

import { ZConflictLift } from "@/lib/domain/review/conflicts";
import { validatedAction } from "@/lib/server/action";
import { liftConflict } from "@/lib/server/review/conflicts";

export const liftConflictAction = validatedAction("liftConflict", ZConflictLift, async (viewer, input) => {
  await liftConflict(viewer, input);
  redirect("/admin/conflicts?lifted=1");
});
