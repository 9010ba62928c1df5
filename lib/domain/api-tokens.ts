// API tokens: what the Enterprise account system presents to read entitlements. A token is shown
// once, when it is made; the app keeps only its SHA-256 hash (to find it by the unique index)
// and a short prefix (so an admin can tell tokens apart).
import { createHash, randomBytes } from "node:crypto";

import { z } from "zod";

import { recordId, requiredText } from "./request/fields";

export const API_TOKEN_PREFIX = "eat_";
/** The only scope there is: reading entitlements. */
export const API_TOKEN_SCOPE = "entitlements:read";
/** How much of a token its list shows: the marker and 8 characters, far too few to guess the rest. */
const SHOWN_PREFIX_LENGTH = API_TOKEN_PREFIX.length + 8;
/** 32 random bytes as base64url: 43 characters. */
const TOKEN_SHAPE = /^eat_[A-Za-z0-9_-]{43}$/;

export const API_TOKEN_NAME_MAX = 100;

export const ZApiTokenCreate = z.object({ name: requiredText(API_TOKEN_NAME_MAX, "error-api-token-name") });
export type TApiTokenCreate = z.infer<typeof ZApiTokenCreate>;

export const ZApiTokenRevoke = z.object({ tokenId: recordId });
export type TApiTokenRevoke = z.infer<typeof ZApiTokenRevoke>;

/** A new token: the marker, then 32 random bytes. */
export function newApiToken() {
  return `${API_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
}

/** What is stored of a token, and looked up by. */
export function apiTokenHash(token: string) {
  return createHash("sha256").update(token).digest("hex");
}

export function apiTokenPrefix(token: string) {
  return token.slice(0, SHOWN_PREFIX_LENGTH);
}

/**
 * The token an Authorization header carries: "Bearer " and a token of the right shape, else
 * nothing (a malformed header is refused before any lookup).
 */
export function bearerToken(header: string | null): string | undefined {
  const match = /^Bearer ([^\s]+)$/i.exec(header?.trim() ?? "");
  const token = match?.[1];
  return token && TOKEN_SHAPE.test(token) ? token : undefined;
}
