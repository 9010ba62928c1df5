// Demo accounts for trying the app on the embedded database. Run by `npm start` when DEMO_DATA is on.
import type { TDb } from "@/lib/db";
import type { TUnitCostKind } from "@/lib/domain/in-kind-value";
import type { Role } from "@/lib/generated/prisma/enums";
import type { TMessageKey } from "@/lib/i18n/translator";
import type { TStandInAccount } from "@/test-support/wikimedia-oauth";

export const DEMO_ACCOUNTS: { email: string; name: string; role: Role; lands: string }[] = [
  { email: "requester@example.org", name: "Demo Requester", role: "REQUESTER", lands: "/requests" },
  { email: "wmf.reviewer@example.org", name: "Demo WMF Reviewer", role: "WMF_REVIEWER", lands: "/review" },
  { email: "wmde.reviewer@example.org", name: "Demo WMDE Reviewer", role: "WMDE_REVIEWER", lands: "/review" },
  { email: "admin@example.org", name: "Demo Admin", role: "ADMIN", lands: "/admin/users" },
];

/**
 * Wikimedia accounts on the demo's stand-in for Meta-Wiki (scripts/start.ts), one for each way a
 * Wikimedia sign-in goes. Their ids stay the same across starts, so each links to the same person.
 */
export function demoWikimediaAccounts(now: Date): { account: TStandInAccount; note: TMessageKey }[] {
  const wikimedian = { realname: "", rights: ["read", "edit"] };
  return [
    {
      note: "signin-demo-wikimedia-editor",
      account: {
        ...wikimedian,
        sub: "91000001",
        username: "Demo Editor",
        editcount: 12_345,
        confirmed_email: true,
        email: "requester@example.org",
        blocked: false,
        registered: "20120304050607",
        groups: ["*", "user", "autoconfirmed", "sysop"],
      },
    },
    {
      note: "signin-demo-wikimedia-newcomer",
      account: {
        ...wikimedian,
        sub: "91000002",
        username: "Demo Newcomer",
        editcount: 4,
        confirmed_email: true,
        email: "newcomer@example.org",
        blocked: false,
        registered: mediaWikiTimestamp(new Date(now.getTime() - 10 * 86_400_000)),
        groups: ["*", "user"],
      },
    },
    {
      note: "signin-demo-wikimedia-blocked",
      account: {
        ...wikimedian,
        sub: "91000003",
        username: "Demo Blocked",
        editcount: 830,
        confirmed_email: true,
        email: "blocked@example.org",
        blocked: true,
        registered: "20190611080000",
        groups: ["*", "user", "autoconfirmed"],
      },
    },
    {
      note: "signin-demo-wikimedia-unconfirmed",
      account: {
        ...wikimedian,
        sub: "91000004",
        username: "Demo Unconfirmed",
        editcount: 57,
        confirmed_email: false,
        email: "",
        blocked: false,
        registered: "20230102030405",
        groups: ["*", "user", "autoconfirmed"],
      },
    },
  ];
}

/** MediaWiki's timestamp, YYYYMMDDHHMMSS in UTC. */
function mediaWikiTimestamp(date: Date) {
  return date.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

/** Creates each demo account once; an account whose role was changed since keeps its new role. */
export async function seedDemoAccounts(db: TDb) {
  for (const account of DEMO_ACCOUNTS) {
    const existing = await db.user.findUnique({ where: { email: account.email }, select: { id: true } });
    if (existing) continue;
    await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: account.email, name: account.name, role: account.role, emailVerified: new Date() },
      });
      await tx.auditEntry.create({
        data: {
          action: "user.created",
          subjectType: "user",
          subjectId: user.id,
          after: { email: account.email, role: account.role },
          note: "Demo account",
        },
      });
    });
  }
}

/**
 * Example prices, so the demo shows in-kind values: made-up round figures, not Wikimedia
 * Enterprise's costs. Applying from 2020, they value every demo grant.
 */
export const DEMO_UNIT_COSTS: { kind: TUnitCostKind; amountCents: number }[] = [
  { kind: "on_demand_million", amountCents: 4_000 },
  { kind: "snapshot_download", amountCents: 2_500 },
  { kind: "realtime_month", amountCents: 150_000 },
  { kind: "development_day", amountCents: 80_000 },
];

/** Adds the example prices once, when no price has been set at all. */
export async function seedDemoUnitCosts(db: TDb) {
  if ((await db.unitCost.count()) > 0) return;
  await db.$transaction(async (tx) => {
    for (const cost of DEMO_UNIT_COSTS) {
      const row = await tx.unitCost.create({ data: { ...cost, validFrom: new Date("2020-01-01T00:00:00Z") } });
      await tx.auditEntry.create({
        data: {
          action: "unit_cost.added",
          subjectType: "unit_cost",
          subjectId: row.id,
          after: { ...cost, validFrom: "2020-01-01" },
          note: "Demo example price",
        },
      });
    }
  });
}
