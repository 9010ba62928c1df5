import { z } from "zod";

import { isLanguageCode } from "@/lib/i18n/locales";

export const ZEmailSignIn = z.object({
  email: z
    .string({ message: "error-email-required" })
    .trim()
    .min(1, "error-email-required")
    .max(254, "error-email-invalid")
    .pipe(z.email({ message: "error-email-invalid" })),
  callbackUrl: z.string().optional(),
  /** The language of the page the link is asked for on, for the email; anything else is ignored. */
  locale: z.unknown().optional().transform((value) => (isLanguageCode(value) ? value : undefined)),
});
export type TEmailSignIn = z.infer<typeof ZEmailSignIn>;
