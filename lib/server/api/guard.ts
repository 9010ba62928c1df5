import "server-only";

import { audit } from "@/lib/audit";
import { db } from "@/lib/db";
import { apiTokenHash, bearerToken } from "@/lib/domain/api-tokens";
import { log } from "@/lib/log";

import { now } from "../clock";
import { clientAddressOf } from "../client";
import { consumeRateLimit } from "../rate-limit";

/** How often a token's "last used" is written at most: a busy client calls many times a minute. */
const LAST_USED_EVERY_MS = 60_000;
/** The longest query string kept in the audit trail. */
const QUERY_KEPT = 500;

export const NO_STORE = { "Cache-Control": "no-store" } as const;

/** A JSON answer of the API: never stored by a cache on the way. */
export function apiJson(body: unknown, status = 200, headers: Record<string, string> = {}) {
  return Response.json(body, { status, headers: { ...NO_STORE, ...headers } });
}

/** Refused: no valid token. Nothing says whether the token was malformed, unknown or revoked. */
function unauthorised() {
  return new Response(null, { status: 401, headers: { "WWW-Authenticate": "Bearer", ...NO_STORE } });
}

function tooMany(retryAfterSeconds: number) {
  return apiJson({ error: "rate_limited", detail: `Too many requests: try again in ${retryAfterSeconds} seconds.` }, 429, {
    "Retry-After": String(retryAfterSeconds),
  });
}

/**
 * Every call to the entitlements API: a valid `Authorization: Bearer` token (found by its hash,
 * through the unique index) within its rate limit, recorded in the audit trail; then `answer`.
 * A failed call counts against the client address's budget instead.
 */
export async function withApiToken(request: Request, answer: () => Promise<Response>): Promise<Response> {
  const token = bearerToken(request.headers.get("authorization"));
  const found = token ? await db().apiToken.findUnique({ where: { tokenHash: apiTokenHash(token) }, select: { id: true, revokedAt: true } }) : null;
  if (!found || found.revokedAt) {
    const limit = await consumeRateLimit("apiAuthFailure", clientAddressOf(request.headers) ?? "unknown");
    if (!limit.ok) return tooMany(limit.retryAfterSeconds);
    log.warn("api.unauthorised", { reason: !token ? "no_token" : found ? "revoked" : "unknown" });
    return unauthorised();
  }
  const limit = await consumeRateLimit("apiToken", found.id);
  if (!limit.ok) return tooMany(limit.retryAfterSeconds);
  await recordUse(found.id, new URL(request.url));
  return answer();
}

/** The call in the audit trail (path and query: a token never travels in either), and "last used" now and then. */
async function recordUse(tokenId: string, url: URL) {
  const at = now();
  await db().$transaction(async (tx) => {
    await audit(tx, {
      subject: "api_token",
      id: tokenId,
      actorId: null,
      action: "api_token.used",
      after: { path: url.pathname, query: url.search.slice(0, QUERY_KEPT) },
    });
    await tx.apiToken.updateMany({
      where: { id: tokenId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(at.getTime() - LAST_USED_EVERY_MS) } }] },
      data: { lastUsedAt: at },
    });
  });
}
