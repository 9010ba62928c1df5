"use server";

import { redirect } from "next/navigation";

import { ZAccountName } from "@/lib/domain/account";
import { validatedAction } from "@/lib/server/action";
import { setOwnName } from "@/lib/server/users";

export const saveAccountNameAction = validatedAction("saveAccountName", ZAccountName, async (viewer, input) => {
  await setOwnName(viewer, input.name);
  redirect(`/account?name=${input.name ? "saved" : "removed"}#name-title`);
});
