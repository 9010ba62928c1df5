"use server";

import { redirect } from "next/navigation";

import { ZContactToken } from "@/lib/domain/request/contact";
import { publicAction } from "@/lib/server/action";
import { CONFIRM_PATH, confirmContact } from "@/lib/server/contact";

/** Confirms a contact address; the link's token is the proof, so no sign-in is needed. */
export const confirmContactAction = publicAction("confirmContact", ZContactToken, async ({ token }) => {
  await confirmContact(token);
  redirect(`${CONFIRM_PATH}?confirmed=1`);
});
