import { z } from "zod";

import { DIGEST_FREQUENCIES } from "./digest";
import { paragraph } from "./request/fields";

/** The longest name a person may give their account. */
export const ACCOUNT_NAME_MAX = 120;

/** Anything shaped like an address: the name stands beside the address reviewers already see, so it is never one. */
const LOOKS_LIKE_ADDRESS = /\S@\S+\.\S/;

/**
 * The name reviewers see for a person's account, as the account page sends it: one line of text,
 * trimmed, at most 120 characters; empty removes it (reviewers then see the email address).
 */
export const ZAccountName = z.object({
  name: paragraph(ACCOUNT_NAME_MAX)
    .refine((name) => !LOOKS_LIKE_ADDRESS.test(name), "error-account-name-address")
    .transform((name) => name || null),
});
export type TAccountName = z.infer<typeof ZAccountName>;

/** How often a reviewer wants the review digest by email, as the account page sends it. */
export const ZDigestChoice = z.object({
  digest: z.preprocess((value) => (typeof value === "string" && value ? value : undefined), z.enum(DIGEST_FREQUENCIES, { error: "error-digest-choose" })),
});
export type TDigestChoice = z.infer<typeof ZDigestChoice>;
