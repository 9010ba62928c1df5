import "server-only";

import { headers } from "next/headers";

import { env, type TEnv } from "@/lib/env";
import { CLIENT_ADDRESS_HEADER, FRONT_DOOR_HEADER, FRONT_DOOR_SECRET_ENV, isLoopback } from "@/lib/http/front-door";

/**
 * The client's IP address as the front door (lib/http/front-door.ts) found it: the socket's peer,
 * or behind a trusted proxy the address the proxy added. Undefined when the request did not come
 * through the front door (its stamp is missing or forged): then the app knows nothing of the client.
 */
export function clientAddressOf(requestHeaders: Headers): string | undefined {
  const secret = process.env[FRONT_DOOR_SECRET_ENV];
  if (!secret || requestHeaders.get(FRONT_DOOR_HEADER) !== secret) return undefined;
  return requestHeaders.get(CLIENT_ADDRESS_HEADER) ?? undefined;
}

/** Whether this request comes from the machine itself (the loopback interface), for development helpers. */
export async function fromLoopback(): Promise<boolean> {
  return isLoopback(clientAddressOf(await headers()));
}

/**
 * The Wikimedia sign-in this visitor is offered: the configured one, or the launcher's demo
 * stand-in, which signs anyone in as any demo account, for someone at this machine only.
 */
export async function offeredWikimediaSignIn(): Promise<TEnv["wikimedia"]> {
  const wikimedia = env().wikimedia;
  if (!wikimedia?.demo) return wikimedia;
  return (await fromLoopback()) ? wikimedia : undefined;
}
