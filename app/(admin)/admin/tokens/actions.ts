"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { ZApiTokenCreate, ZApiTokenRevoke } from "@/lib/domain/api-tokens";
import { validatedAction } from "@/lib/server/action";
import { createApiToken, revokeApiToken } from "@/lib/server/admin/api-tokens";

/** The token goes back in the action's answer only: the page never shows it again. */
export const createApiTokenAction = validatedAction("createApiToken", ZApiTokenCreate, async (viewer, input) => {
  const { token } = await createApiToken(viewer, input);
  revalidatePath("/admin/tokens");
  return { status: "success", message: { key: "admin-tokens-created", params: [input.name] }, shownOnce: { value: token } };
});

export const revokeApiTokenAction = validatedAction("revokeApiToken", ZApiTokenRevoke, async (viewer, input) => {
  const { revoked } = await revokeApiToken(viewer, input);
  redirect(revoked ? "/admin/tokens?revoked=1" : "/admin/tokens?revoked=already");
});
