import { z } from "zod";

import { isOneEmailAddress } from "./fields";

/** The contact address typed in the Who section, lower-cased, when it is one address; else none. */
export function contactAddressOf(answers: unknown): string | undefined {
  const email = answers && typeof answers === "object" ? (answers as { who?: { email?: unknown } }).who?.email : undefined;
  if (typeof email !== "string") return undefined;
  const address = email.trim().toLowerCase();
  return isOneEmailAddress(address) ? address : undefined;
}

/** Whether two addresses are the same mailbox as far as the app can tell: compared without case. */
export function sameAddress(a: string | null | undefined, b: string | null | undefined) {
  return Boolean(a && b && a.trim().toLowerCase() === b.trim().toLowerCase());
}

/** The token of a confirmation link, as its page posts it back; a forged or cut one simply does not work. */
export const ZContactToken = z.object({ token: z.string().max(200).catch("") });
