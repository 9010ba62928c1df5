import "server-only";

import { audit } from "@/lib/audit";
import { db } from "@/lib/db";
import { API_TOKEN_SCOPE, apiTokenHash, apiTokenPrefix, newApiToken, type TApiTokenCreate, type TApiTokenRevoke } from "@/lib/domain/api-tokens";
import { NotFoundError } from "@/lib/domain/errors";
import { canAdminister } from "@/lib/domain/roles";
import { log } from "@/lib/log";

import { now } from "../clock";
import type { TViewer } from "../session";

/** Tokens listed on one page: there are a handful, one per system that reads the API. */
const LIST_LIMIT = 200;

function assertAdmin(viewer: TViewer) {
  if (!canAdminister(viewer.role)) throw new NotFoundError();
}

export type TApiTokenRow = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  createdBy: string | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  revokedBy: string | null;
};

const personOf = (user: { name: string | null; email: string | null } | null) => (user ? (user.name ?? user.email) : null);

const TOKEN_ROW = {
  id: true,
  name: true,
  prefix: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
  createdBy: { select: { name: true, email: true } },
  revokedBy: { select: { name: true, email: true } },
} as const;

type TSelected = { createdBy: { name: string | null; email: string | null } | null; revokedBy: { name: string | null; email: string | null } | null } & Omit<
  TApiTokenRow,
  "createdBy" | "revokedBy"
>;

const toRow = ({ createdBy, revokedBy, ...row }: TSelected): TApiTokenRow => ({ ...row, createdBy: personOf(createdBy), revokedBy: personOf(revokedBy) });

/** Every token, those in use first, newest first; never a hash. */
export async function listApiTokens(viewer: TViewer): Promise<TApiTokenRow[]> {
  assertAdmin(viewer);
  const rows = await db().apiToken.findMany({
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }, { id: "desc" }],
    take: LIST_LIMIT,
    select: TOKEN_ROW,
  });
  return rows.map(toRow);
}

/** One token, for the page that confirms its revocation. */
export async function findApiToken(viewer: TViewer, id: string): Promise<TApiTokenRow | null> {
  assertAdmin(viewer);
  const row = await db().apiToken.findUnique({ where: { id }, select: TOKEN_ROW });
  return row ? toRow(row) : null;
}

/**
 * Makes a token and returns it, the one time it is ever seen: only its hash and prefix are kept,
 * and the audit entry names it by prefix.
 */
export async function createApiToken(viewer: TViewer, { name }: TApiTokenCreate): Promise<{ id: string; token: string }> {
  assertAdmin(viewer);
  const token = newApiToken();
  const prefix = apiTokenPrefix(token);
  const created = await db().$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: { name, tokenHash: apiTokenHash(token), prefix, scope: API_TOKEN_SCOPE, createdById: viewer.id, createdAt: now() },
      select: { id: true },
    });
    await audit(tx, { subject: "api_token", id: row.id, actorId: viewer.id, action: "api_token.created", after: { name, prefix, scope: API_TOKEN_SCOPE } });
    return row;
  });
  log.info("api_token.created", { tokenId: created.id, by: viewer.id });
  return { id: created.id, token };
}

/** Revokes a token for good; revoking it again changes nothing. */
export async function revokeApiToken(viewer: TViewer, { tokenId }: TApiTokenRevoke): Promise<{ revoked: boolean }> {
  assertAdmin(viewer);
  const revoked = await db().$transaction(async (tx) => {
    const token = await tx.apiToken.findUnique({ where: { id: tokenId }, select: { revokedAt: true, prefix: true } });
    if (!token) throw new NotFoundError();
    if (token.revokedAt) return false;
    // Guarded by revokedAt: of two admins revoking at once, one records it.
    const { count } = await tx.apiToken.updateMany({ where: { id: tokenId, revokedAt: null }, data: { revokedAt: now(), revokedById: viewer.id } });
    if (count === 0) return false;
    await audit(tx, {
      subject: "api_token",
      id: tokenId,
      actorId: viewer.id,
      action: "api_token.revoked",
      before: { revoked: false },
      after: { revoked: true, prefix: token.prefix },
    });
    return true;
  });
  if (revoked) log.info("api_token.revoked", { tokenId, by: viewer.id });
  return { revoked };
}
