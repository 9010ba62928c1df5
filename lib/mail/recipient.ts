// Where email about a request goes. Prisma only: the app and the worker both address mail here.
import { contactAddressOf, sameAddress } from "@/lib/domain/request/contact";
import { isOneEmailAddress } from "@/lib/domain/request/fields";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The requester's contact address from the Who section once they have confirmed it (by a link
 * sent to it), else the address they sign in with, which their sign-in proved. Nobody (an erased
 * requester) when there is neither: the caller then sends nothing.
 */
export async function requestRecipient(tx: Prisma.TransactionClient, request: { requesterId: string; answers: unknown }): Promise<string | undefined> {
  const contact = contactAddressOf(request.answers);
  const [requester, confirmed] = await Promise.all([
    tx.user.findUnique({ where: { id: request.requesterId }, select: { email: true } }),
    contact ? tx.contactAddress.findFirst({ where: { userId: request.requesterId, email: contact, confirmedAt: { not: null } }, select: { id: true } }) : null,
  ]);
  const signIn = requester?.email && isOneEmailAddress(requester.email) ? requester.email : undefined;
  if (contact && confirmed && !sameAddress(contact, signIn)) return contact;
  return signIn;
}

/** Mail goes to exactly one address; anything else (a list, a header trick) is a slip upstream. */
export function assertOneAddress(to: string) {
  if (!isOneEmailAddress(to)) throw new Error("Refused to address an email to something that is not one email address");
}
