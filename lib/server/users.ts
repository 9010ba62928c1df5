import "server-only";

import { audit } from "@/lib/audit";
import { db } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/domain/errors";
import { isRecordId } from "@/lib/domain/request/fields";
import type { TDigestFrequency } from "@/lib/domain/digest";
import { canAdminister, canReview, ROLES, type TRole, type TRoleChange } from "@/lib/domain/roles";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

import type { TViewer } from "./session";

const PAGE_SIZE = 50;

function assertAdmin(viewer: TViewer) {
  if (!canAdminister(viewer.role)) throw new NotFoundError();
}

/** ADMIN_EMAILS: the people listed there are made admins when they sign in, with an audit entry. */
export async function applyAdminEmails(userId: string, email: string) {
  if (!env().adminEmails.includes(email.toLowerCase())) return;
  await db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true } });
    if (!user || user.role === "ADMIN") return;
    await tx.user.update({ where: { id: userId }, data: { role: "ADMIN" } });
    await audit(tx, {
      subject: "user",
      id: userId,
      actorId: null,
      action: "user.role_changed",
      before: { role: user.role },
      after: { role: "ADMIN" },
      note: "ADMIN_EMAILS",
    });
  });
  log.info("user.role_changed", { userId, role: "ADMIN", by: "ADMIN_EMAILS" });
}

/**
 * Sets or removes the name reviewers see for one's own account. The audit entry says that it
 * changed, not what to: the trail is kept for good, a name is the person's to erase.
 */
export async function setOwnName(viewer: TViewer, name: string | null) {
  await db().$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: viewer.id }, select: { name: true } });
    if (!before) throw new NotFoundError();
    if (before.name === name) return;
    await tx.user.update({ where: { id: viewer.id }, data: { name } });
    await audit(tx, {
      subject: "user",
      id: viewer.id,
      actorId: viewer.id,
      action: "user.name_changed",
      before: { named: before.name !== null },
      after: { named: name !== null },
    });
  });
  log.info("user.name_changed", { userId: viewer.id });
}

/** A reviewer's choice of review digest (daily, weekly or none), audited; only reviewers and admins get one. */
export async function setOwnDigest(viewer: TViewer, digest: TDigestFrequency) {
  if (!canReview(viewer.role)) throw new NotFoundError();
  await db().$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: viewer.id }, select: { digest: true } });
    if (!before) throw new NotFoundError();
    if (before.digest === digest) return;
    await tx.user.update({ where: { id: viewer.id }, data: { digest } });
    await audit(tx, {
      subject: "user",
      id: viewer.id,
      actorId: viewer.id,
      action: "user.digest_changed",
      before: { digest: before.digest },
      after: { digest },
    });
  });
  log.info("user.digest_changed", { userId: viewer.id, digest });
}

/** The review digest the viewer chose; none for someone who cannot have one. */
export async function ownDigest(viewer: TViewer): Promise<TDigestFrequency | undefined> {
  if (!canReview(viewer.role)) return undefined;
  const user = await db().user.findUnique({ where: { id: viewer.id }, select: { digest: true } });
  return user?.digest ?? "NONE";
}

export type TUserRow = { id: string; name: string | null; email: string | null; role: TRole; createdAt: Date };

/** One page of users, newest first, by keyset on (createdAt, id). */
export async function listUsers(
  viewer: TViewer,
  { after, query, role }: { after?: string; query?: string; role?: TRole },
): Promise<{ users: TUserRow[]; next?: string }> {
  assertAdmin(viewer);
  const cursor = isRecordId(after) ? await db().user.findUnique({ where: { id: after }, select: { id: true, createdAt: true } }) : null;
  const rows = await db().user.findMany({
    where: {
      ...(role ? { role } : {}),
      ...(query ? { OR: [{ email: { contains: query, mode: "insensitive" } }, { name: { contains: query, mode: "insensitive" } }] } : {}),
      ...(cursor ? { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: PAGE_SIZE + 1,
    select: { id: true, name: true, email: true, role: true, createdAt: true },
  });
  const users = rows.slice(0, PAGE_SIZE);
  return { users, next: rows.length > PAGE_SIZE ? users.at(-1)?.id : undefined };
}

/** Changes a person's role; refused for one's own role, and when the role changed since it was shown. */
export async function changeUserRole(viewer: TViewer, change: TRoleChange) {
  assertAdmin(viewer);
  if (change.userId === viewer.id) throw new DomainError("admin-users-error-self");
  if (change.role === change.expectedRole) return { changed: false };
  await db().$transaction(async (tx) => {
    const target = await tx.user.findUnique({ where: { id: change.userId }, select: { id: true } });
    if (!target) throw new NotFoundError();
    const updated = await tx.user.updateMany({
      where: { id: change.userId, role: change.expectedRole },
      data: { role: change.role },
    });
    if (updated.count === 0) throw new DomainError("admin-users-error-conflict");
    await audit(tx, {
      subject: "user",
      id: change.userId,
      actorId: viewer.id,
      action: "user.role_changed",
      before: { role: change.expectedRole },
      after: { role: change.role },
    });
  });
  log.info("user.role_changed", { userId: change.userId, role: change.role, by: viewer.id });
  return { changed: true };
}

export type TRoleChangeRow = { id: string; at: Date; actor: string; subject: string; before: TRole; after: TRole; note: string | null };

/** The latest role changes, for the admin page: who changed whom, when, from what to what. */
export async function recentRoleChanges(viewer: TViewer, take = 20): Promise<TRoleChangeRow[]> {
  assertAdmin(viewer);
  const entries = await db().auditEntry.findMany({
    where: { action: "user.role_changed" },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take,
    select: { id: true, at: true, subjectId: true, before: true, after: true, note: true, actor: { select: { email: true, name: true } } },
  });
  const subjects = await db().user.findMany({
    where: { id: { in: entries.map((entry) => entry.subjectId) } },
    select: { id: true, email: true, name: true },
  });
  const nameOf = new Map(subjects.map((user) => [user.id, user.name ?? user.email ?? user.id]));
  return entries.map((entry) => ({
    id: entry.id,
    at: entry.at,
    actor: entry.actor ? (entry.actor.name ?? entry.actor.email ?? "") : "",
    subject: nameOf.get(entry.subjectId) ?? entry.subjectId,
    before: roleFromJson(entry.before),
    after: roleFromJson(entry.after),
    note: entry.note,
  }));
}

function roleFromJson(value: unknown): TRole {
  const role = (value as { role?: unknown } | null)?.role;
  return ROLES.find((candidate) => candidate === role) ?? "REQUESTER";
}
