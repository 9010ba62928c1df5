// The in-kind value of a grant: what the access it gives would cost at the unit costs admins keep
// (/admin/costs). Money is whole cents of US dollars. Prices keep their history: an estimate uses
// the prices in force on the grant's decision day (today for a grant not yet made), so a price
// added later never changes an earlier grant's estimate.

import { z } from "zod";

import { asciiDigits } from "@/lib/domain/text";
import type { TMessageKey } from "@/lib/i18n/translator";
import { DAY_MS, dayOf, startOfDay } from "@/lib/domain/time";

import { isoDate, wholeNumber } from "./request/fields";
import { ZRequestVersion } from "./review/actions";
import type { SNAPSHOT_FREQUENCIES } from "./review/decisions";

export const UNIT_COST_KINDS = ["on_demand_million", "snapshot_download", "realtime_month", "development_day"] as const;
export type TUnitCostKind = (typeof UNIT_COST_KINDS)[number];

/** A kind of unit cost by what one unit is: "a million On-demand requests". */
export const UNIT_COST_LABEL = {
  on_demand_million: "unit-cost-on-demand-million",
  snapshot_download: "unit-cost-snapshot-download",
  realtime_month: "unit-cost-realtime-month",
  development_day: "unit-cost-development-day",
} as const satisfies Record<TUnitCostKind, TMessageKey>;

/** A price, as stored: the first day it applies (YYYY-MM-DD) and its amount in cents. */
export type TUnitCost = { kind: TUnitCostKind; amountCents: number; validFrom: string };

/** The price of each kind on one day; a kind with no price yet is absent. */
export type TCostsOn = Partial<Record<TUnitCostKind, number>>;

/**
 * Snapshot downloads a year at each granted frequency, a twelfth of it each month: a daily
 * snapshot is downloaded on each of the year's 365 days (30.42 a month), a weekly one 52 times
 * (4.33 a month); "twice a month" (the free tier's cadence) is 24 (2 a month), "monthly" 12.
 * Counting by the year keeps the arithmetic exact, here and in the figures' SQL alike.
 */
export const SNAPSHOT_DOWNLOADS_PER_YEAR = {
  daily: 365,
  weekly: 52,
  twice_monthly: 24,
  monthly: 12,
} as const satisfies Record<(typeof SNAPSHOT_FREQUENCIES)[number], number>;
type TSnapshotFrequency = keyof typeof SNAPSHOT_DOWNLOADS_PER_YEAR;

/** An average month's days, times ten: a grant's term in tenths of a month is its days × 120 / 365.25. */
const TENTHS_PER_DAY = 120 / 365.25;

/** The most a unit may cost: far above any real price, so a slip of the keyboard is refused. */
export const MAX_UNIT_COST_CENTS = 1_000_000 * 100;
/** The most custom development days a reviewer may record: ten years of one person's working days. */
export const MAX_DEVELOPMENT_DAYS = 2_500;

/** The prices in force on `day`: per kind, the one with the latest start on or before it. */
export function costsOn(costs: readonly TUnitCost[], day: string): TCostsOn {
  const chosen: Partial<Record<TUnitCostKind, TUnitCost>> = {};
  for (const cost of costs) {
    if (cost.validFrom > day) continue;
    const current = chosen[cost.kind];
    if (!current || cost.validFrom > current.validFrom) chosen[cost.kind] = cost;
  }
  return Object.fromEntries(Object.entries(chosen).map(([kind, cost]) => [kind, cost.amountCents]));
}

/** What is valued: a grant's scope and term, and the development it needs. */
export type TValuedScope = {
  apis: readonly string[];
  onDemandPerMonth?: number | null;
  snapshotFrequency?: string | null;
  realtime: boolean;
  /** First and last day of access, YYYY-MM-DD. */
  startsOn: string;
  expiresOn: string;
  developmentDays?: number | null;
};

/** One line of the formula: a quantity at a unit price. Monthly lines recur; the development line is paid once. */
export type TValueLine =
  | { kind: "on_demand_million"; requests: number; unitCents: number; monthlyCents: number }
  | { kind: "snapshot_download"; frequency: TSnapshotFrequency; downloads: number; unitCents: number; monthlyCents: number }
  | { kind: "realtime_month"; unitCents: number; monthlyCents: number }
  | { kind: "development_day"; days: number; unitCents: number; onceCents: number };

export type TInKindEstimate = {
  lines: TValueLine[];
  /** Kinds the scope needs that have no price on the day: the totals leave them out and say so. */
  missing: TUnitCostKind[];
  monthlyCents: number;
  /** The term in months, to one decimal, as the formula shows it. */
  months: number;
  /** The monthly value over the term, plus development once. */
  termCents: number;
};

/** A grant's term in tenths of a month: its days (both ends included) over an average month (365.25 / 12 days). */
function termTenths(startsOn: string, expiresOn: string): number {
  const days = Math.round((startOfDay(expiresOn).getTime() - startOfDay(startsOn).getTime()) / DAY_MS) + 1;
  return Math.max(0, Math.round(days * TENTHS_PER_DAY));
}

/** A grant's term in months, to one decimal. */
export function termMonths(startsOn: string, expiresOn: string): number {
  return termTenths(startsOn, expiresOn) / 10;
}

/**
 * The estimate of a scope at the prices of one day. Each line is rounded to the cent on its own,
 * so the totals are the sums of the lines the formula shows.
 */
export function estimateValue(scope: TValuedScope, costs: TCostsOn): TInKindEstimate {
  const lines: TValueLine[] = [];
  const missing: TUnitCostKind[] = [];
  const priced = (kind: TUnitCostKind, add: (unitCents: number) => void) => {
    const unitCents = costs[kind];
    if (unitCents === undefined) missing.push(kind);
    else add(unitCents);
  };

  const requests = scope.onDemandPerMonth ?? 0;
  if (scope.apis.includes("on_demand") && requests > 0) {
    priced("on_demand_million", (unitCents) =>
      lines.push({ kind: "on_demand_million", requests, unitCents, monthlyCents: Math.round((requests * unitCents) / 1_000_000) }),
    );
  }
  const frequency = scope.snapshotFrequency;
  if (scope.apis.includes("snapshot") && frequency && Object.hasOwn(SNAPSHOT_DOWNLOADS_PER_YEAR, frequency)) {
    const perYear = SNAPSHOT_DOWNLOADS_PER_YEAR[frequency as TSnapshotFrequency];
    priced("snapshot_download", (unitCents) =>
      lines.push({
        kind: "snapshot_download",
        frequency: frequency as TSnapshotFrequency,
        downloads: perYear / 12,
        unitCents,
        monthlyCents: Math.round((perYear * unitCents) / 12),
      }),
    );
  }
  if (scope.realtime) priced("realtime_month", (unitCents) => lines.push({ kind: "realtime_month", unitCents, monthlyCents: unitCents }));
  const days = scope.developmentDays ?? 0;
  if (days > 0) priced("development_day", (unitCents) => lines.push({ kind: "development_day", days, unitCents, onceCents: days * unitCents }));

  const monthlyCents = lines.reduce((sum, line) => sum + ("monthlyCents" in line ? line.monthlyCents : 0), 0);
  const onceCents = lines.reduce((sum, line) => sum + ("onceCents" in line ? line.onceCents : 0), 0);
  const tenths = termTenths(scope.startsOn, scope.expiresOn);
  return { lines, missing, monthlyCents, months: tenths / 10, termCents: Math.round((monthlyCents * tenths) / 10) + onceCents };
}

/**
 * An amount typed in dollars, as cents: digits in any script, a point or a lone decimal comma,
 * thousands grouped with commas (or points, as German writes 1.000,50); at most two decimals; a minus sign makes it negative (refused by
 * the form with its own message). Anything else is not a number.
 */
export function centsOf(typed: string): number {
  const trimmed = typed.trim();
  return /^[-\u2212]/.test(trimmed) ? -unsignedCents(trimmed.slice(1)) : unsignedCents(trimmed);
}

function unsignedCents(typed: string): number {
  const raw = asciiDigits(typed)
    .trim()
    .replace(/^\$\s*/, "")
    .replace(/[\s_\u066C']/g, "")
    .replace(/\u066B/g, ".");
  let normal: string;
  if (/^\d{1,3}(,\d{3})+(\.\d{1,2})?$/.test(raw)) normal = raw.replace(/,/g, "");
  else if (/^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(raw)) normal = raw.replace(/\./g, "").replace(",", ".");
  else if (/^\d+,\d{1,2}$/.test(raw)) normal = raw.replace(",", ".");
  else if (/^\d+(\.\d{1,2})?$/.test(raw) || /^\.\d{1,2}$/.test(raw)) normal = raw;
  else return Number.NaN;
  const [whole = "0", fraction = ""] = normal.split(".");
  return Number(whole || "0") * 100 + Number(fraction.padEnd(2, "0"));
}

/** A new price, as the form at /admin/costs posts it. */
export const ZUnitCostInput = z
  .object({
    kind: z.preprocess((value) => (typeof value === "string" && value ? value : undefined), z.enum(UNIT_COST_KINDS, { error: "error-unit-cost-kind" })),
    amount: z.preprocess(
      (value) => (typeof value === "string" ? value : ""),
      z
        .string()
        .refine((value) => value.trim() !== "", "error-unit-cost-amount")
        .transform((value) => centsOf(value))
        .pipe(z.number({ error: "error-unit-cost-number" }).min(0, "error-unit-cost-negative").max(MAX_UNIT_COST_CENTS, "error-unit-cost-max")),
    ),
    validFrom: isoDate.refine((value) => value !== "", "error-unit-cost-valid-from"),
  })
  .transform(({ amount, ...input }) => ({ ...input, amountCents: amount }));
export type TUnitCostInput = z.infer<typeof ZUnitCostInput>;

/** A decision's scope as stored, with the request's current expiry (moved by extensions). */
export type TDecidedScope = {
  decidedAt: Date;
  apis: readonly string[];
  onDemandPerMonth: number | null;
  snapshotFrequency: string | null;
  realtime: boolean;
  startsAt: Date | null;
  expiresAt: Date | null;
};

/** What is valued of a grant: its scope from its first day to its current expiry, priced as on its decision day. */
export function decidedValue(decision: TDecidedScope, expiresAt: Date | null, developmentDays: number | null, prices: readonly TUnitCost[]) {
  const pricesOn = dayOf(decision.decidedAt);
  const scope: TValuedScope = {
    apis: decision.apis,
    onDemandPerMonth: decision.onDemandPerMonth,
    snapshotFrequency: decision.snapshotFrequency,
    realtime: decision.realtime,
    startsOn: dayOf(decision.startsAt ?? decision.decidedAt),
    expiresOn: dayOf(expiresAt ?? decision.expiresAt ?? decision.decidedAt),
    developmentDays,
  };
  return { ...estimateValue(scope, costsOn(prices, pricesOn)), pricesOn };
}
export type TDatedEstimate = TInKindEstimate & { pricesOn: string };

/** A WMF reviewer's estimate of custom development days; empty clears it. */
export const ZDevelopmentDaysInput = ZRequestVersion.extend({ developmentDays: wholeNumber(MAX_DEVELOPMENT_DAYS) });
export type TDevelopmentDaysInput = z.infer<typeof ZDevelopmentDaysInput>;
