import { z } from "zod";

export const ZEmailSignIn = z.object({
  email: z
    .string({ message: "error-email-required" })
    .trim()
    .min(1, "error-email-required")
    .max(254, "error-email-invalid")
    .pipe(z.email({ message: "error-email-invalid" })),
  callbackUrl: z.string().optional(),
});
export type TEmailSignIn = z.infer<typeof ZEmailSignIn>;
