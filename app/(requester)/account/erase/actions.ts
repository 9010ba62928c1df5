"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";

import { validatedAction } from "@/lib/server/action";
import { eraseMyData, ZErasure } from "@/lib/server/personal-data";

/** Auth.js's session cookie, plain on http and prefixed on https. */
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export const eraseMyDataAction = validatedAction("eraseMyData", ZErasure, async (viewer, input) => {
  await eraseMyData(viewer, input);
  // The sessions are gone from the database; the browser forgets its cookie too.
  const jar = await cookies();
  for (const name of SESSION_COOKIES) jar.delete(name);
  redirect("/account/erased");
});
