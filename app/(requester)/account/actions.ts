"use server";

import { redirect } from "next/navigation";

import { ZAccountName, ZDigestChoice } from "@/lib/domain/account";
import { validatedAction } from "@/lib/server/action";
import { setOwnDigest, setOwnName } from "@/lib/server/users";

export const saveAccountNameAction = validatedAction("saveAccountName", ZAccountName, async (viewer, input) => {
  await setOwnName(viewer, input.name);
  redirect(`/account?name=${input.name ? "saved" : "removed"}#name-title`);
});

export const saveDigestAction = validatedAction("saveDigest", ZDigestChoice, async (viewer, input) => {
  await setOwnDigest(viewer, input.digest);
  redirect("/account?digest=saved#digest-title");
});
