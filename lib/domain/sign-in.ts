import { z } from "zod";

import { emailAddress } from "@/lib/domain/request/fields";
import { isLanguageCode } from "@/lib/i18n/locales";

export const ZEmailSignIn = z.object({
  email: emailAddress("error-email-required"),
  callbackUrl: z.string().optional(),
  /** The language of the page the link is asked for on, for the email; anything else is ignored. */
  locale: z
    .unknown()
    .optional()
    .transform((value) => (isLanguageCode(value) ? value : undefined)),
});
export type TEmailSignIn = z.infer<typeof ZEmailSignIn>;

/** The cookie that carries the address a sign-in link went to, to the "check your email" page. */
export const SIGNIN_TO_COOKIE = "ea-signin-to";
