import "server-only";

import { audit } from "@/lib/audit";
import { db } from "@/lib/db";
import { FieldRuleError, NotFoundError } from "@/lib/domain/errors";
import { type TUnitCost, type TUnitCostInput, type TUnitCostKind, UNIT_COST_KINDS } from "@/lib/domain/in-kind-value";
import { canAdminister } from "@/lib/domain/roles";
import { dayOf, startOfDay } from "@/lib/domain/time";
import { Prisma } from "@/lib/generated/prisma/client";
import { log } from "@/lib/log";

import type { TViewer } from "../session";

/** Prices kept in all: a handful per kind a year, so this bounds a list that never grows large. */
const PRICES_LIMIT = 2_000;

function assertAdmin(viewer: TViewer) {
  if (!canAdminister(viewer.role)) throw new NotFoundError();
}

export type TUnitCostRow = TUnitCost & { id: string; createdAt: Date; createdBy: string | null };

const isKind = (kind: string): kind is TUnitCostKind => (UNIT_COST_KINDS as readonly string[]).includes(kind);

/** Every price, for the estimates: the rules pick the one in force on each day (lib/domain costsOn). */
export async function unitCosts(): Promise<TUnitCost[]> {
  const rows = await db().unitCost.findMany({
    orderBy: [{ validFrom: "desc" }],
    take: PRICES_LIMIT,
    select: { kind: true, amountCents: true, validFrom: true },
  });
  return rows
    .filter((row) => isKind(row.kind))
    .map((row) => ({ kind: row.kind as TUnitCostKind, amountCents: row.amountCents, validFrom: dayOf(row.validFrom) }));
}

/** Each kind's prices, newest first, with who added them: the history on /admin/costs. */
export async function listUnitCosts(viewer: TViewer): Promise<Record<TUnitCostKind, TUnitCostRow[]>> {
  assertAdmin(viewer);
  const rows = await db().unitCost.findMany({
    orderBy: [{ validFrom: "desc" }, { createdAt: "desc" }],
    take: PRICES_LIMIT,
    select: { id: true, kind: true, amountCents: true, validFrom: true, createdAt: true, createdBy: { select: { name: true, email: true } } },
  });
  const byKind = Object.fromEntries(UNIT_COST_KINDS.map((kind) => [kind, [] as TUnitCostRow[]])) as Record<TUnitCostKind, TUnitCostRow[]>;
  for (const { createdBy, kind, validFrom, ...row } of rows) {
    if (!isKind(kind)) continue;
    byKind[kind].push({ ...row, kind, validFrom: dayOf(validFrom), createdBy: createdBy ? (createdBy.name ?? createdBy.email) : null });
  }
  return byKind;
}

const SAME_DAY = new FieldRuleError({ validFrom: { key: "error-unit-cost-same-day" } });

/**
 * Adds a price from its first day on. Prices are never changed or removed, so an estimate made
 * with one stays as it was; a second price for the same kind and day is refused (a correction is
 * a new price from a later day).
 */
export async function addUnitCost(viewer: TViewer, input: TUnitCostInput): Promise<{ id: string }> {
  assertAdmin(viewer);
  const validFrom = startOfDay(input.validFrom);
  try {
    const created = await db().$transaction(async (tx) => {
      const taken = await tx.unitCost.findUnique({ where: { kind_validFrom: { kind: input.kind, validFrom } }, select: { id: true } });
      if (taken) throw SAME_DAY;
      const row = await tx.unitCost.create({
        data: { kind: input.kind, amountCents: input.amountCents, validFrom, createdById: viewer.id },
        select: { id: true },
      });
      await audit(tx, {
        subject: "unit_cost",
        id: row.id,
        actorId: viewer.id,
        action: "unit_cost.added",
        after: { kind: input.kind, amountCents: input.amountCents, validFrom: input.validFrom },
      });
      return row;
    });
    log.info("unit_cost.added", { unitCostId: created.id, kind: input.kind, by: viewer.id });
    return created;
  } catch (error) {
    // Two admins adding the same kind and day at once: the unique index keeps one.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw SAME_DAY;
    throw error;
  }
}
