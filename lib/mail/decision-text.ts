// Wording shared by decision emails and pages: scope, criteria and reasons in the people's words.
import type { TWithdrawalReason } from "@/lib/domain/review/decisions";
import type { SNAPSHOT_FREQUENCIES } from "@/lib/domain/review/decisions";
import { formatNumber } from "@/lib/i18n/format";
import { contributionKindLabel, SECTION_TITLE } from "@/lib/i18n/labels";
import type { TMessageKey, TTranslate } from "@/lib/i18n/translator";

export const CRITERION_LABEL = SECTION_TITLE;

export const WITHDRAWAL_REASON_LABEL: Record<TWithdrawalReason, TMessageKey> = {
  USE_CASE_ENDED: "withdraw-reason-use-case-ended",
  MISUSE: "withdraw-reason-misuse",
  POLICY: "withdraw-reason-policy",
  REQUESTER_WISH: "withdraw-reason-requester-wish",
};

export const SNAPSHOT_FREQUENCY_LABEL: Record<(typeof SNAPSHOT_FREQUENCIES)[number], TMessageKey> = {
  daily: "snapshot-frequency-daily",
  weekly: "snapshot-frequency-weekly",
  twice_monthly: "snapshot-frequency-twice-monthly",
  monthly: "snapshot-frequency-monthly",
};

export type TScope = { apis: string[]; onDemandPerMonth: number | null; snapshotFrequency: string | null };

/** Each API granted with its limit, one phrase each, in a fixed order. */
export function scopeLines(t: TTranslate, scope: TScope, formats: string): string[] {
  const lines: string[] = [];
  if (scope.apis.includes("snapshot")) {
    const frequency = SNAPSHOT_FREQUENCY_LABEL[scope.snapshotFrequency as keyof typeof SNAPSHOT_FREQUENCY_LABEL];
    lines.push(t("scope-snapshot", frequency ? t(frequency) : ""));
  }
  if (scope.apis.includes("on_demand")) lines.push(t("scope-on-demand", formatNumber(scope.onDemandPerMonth ?? 0, formats)));
  if (scope.apis.includes("realtime")) lines.push(t("scope-realtime"));
  return lines;
}

export function scopeSummary(t: TTranslate, scope: TScope, formats: string) {
  return scopeLines(t, scope, formats).join("; ");
}

/** The contributions a grant confirms, as one sentence of its email; nothing when it confirms none. */
export function contributionsSentence(t: TTranslate, contributions: readonly { kind: string; description: string }[]) {
  if (contributions.length === 0) return "";
  const items = contributions.map((contribution) => `${contributionKindLabel(t, contribution.kind)}: ${contribution.description}`);
  return t("email-granted-contributions-list", items.join("; "));
}
