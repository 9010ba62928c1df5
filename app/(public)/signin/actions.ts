"use server";

import { cookies, headers } from "next/headers";
import { redirect, unstable_rethrow } from "next/navigation";

import { signIn, signOut } from "@/lib/auth";
import { safeReturnPath } from "@/lib/domain/return-path";
import { ZEmailSignIn } from "@/lib/domain/sign-in";
import { fieldErrorsOf, formValues, type TActionState } from "@/lib/form-state";
import { log } from "@/lib/log";
import { env } from "@/lib/env";
import { SIGNIN_TO_COOKIE } from "@/lib/domain/sign-in";
import { answerInWords } from "@/lib/server/action";
import { offeredWikimediaSignIn } from "@/lib/server/client";
import { consumeSignInLink } from "@/lib/server/rate-limit";

/** Sends a sign-in link. Signed-out people use it, so it does not go through validatedAction. */
export async function emailSignInAction(_previous: TActionState, formData: FormData): Promise<TActionState> {
  return answerInWords(await sendSignInLink(formData));
}

async function sendSignInLink(formData: FormData): Promise<TActionState> {
  const values = formValues(formData);
  const parsed = ZEmailSignIn.safeParse(values);
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), values };
  const limit = await consumeSignInLink(parsed.data.email, await headers());
  if (!limit.ok) return { status: "error", message: limit.message, values };
  try {
    const { email, callbackUrl, locale } = parsed.data;
    // The next page names the address the link went to; only this browser, which typed it, sees it.
    (await cookies()).set(SIGNIN_TO_COOKIE, email, { httpOnly: true, sameSite: "lax", path: "/signin", maxAge: 15 * 60, secure: env().production });
    await signIn("nodemailer", { email, redirectTo: safeReturnPath(callbackUrl) ?? "/home", ...(locale ? { locale } : {}) });
  } catch (error) {
    unstable_rethrow(error);
    log.error("auth.signin_link_failed", { error: error instanceof Error ? error.message : String(error) });
    return { status: "error", message: { key: "signin-error-send" }, values };
  }
  return { status: "success" };
}

export async function wikimediaSignInAction(formData: FormData) {
  // The demo stand-in is offered to this machine only (lib/server/client.ts); others get the page again.
  if (!(await offeredWikimediaSignIn())) redirect("/signin");
  await signIn("wikimedia", { redirectTo: safeReturnPath(formData.get("callbackUrl")) ?? "/home" });
}

export async function signOutAction() {
  await signOut({ redirectTo: "/" });
}
