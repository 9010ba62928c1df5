import type { z } from "zod";

import type { TAppealEvent } from "@/lib/domain/request/appeal-transitions";
import { choice, LIMITS, requiredText, text } from "@/lib/domain/request/fields";
import type { TRequestStatus } from "@/lib/domain/request/lifecycle";
import { SECTION_IDS, type TSectionId } from "@/lib/domain/request/sections";
import { addDays } from "@/lib/domain/time";
import type { TMessageKey } from "@/lib/i18n/translator";

import { ZRequestVersion } from "./actions";

// Appeals: within 30 days of a decline, or of a withdrawal by WMF, the requester may appeal once;
// a WMF reviewer who took no part in the decision appealed against decides the appeal.

/** How long after a decline or a withdrawal the requester may appeal it. */
export const APPEAL_WINDOW_DAYS = 30;

/** A request waiting for the decision on its appeal. */
export const APPEALED_STATUSES = ["DECLINE_APPEALED", "WITHDRAWAL_APPEALED"] as const satisfies readonly TRequestStatus[];

export function isAppealed(status: TRequestStatus) {
  return (APPEALED_STATUSES as readonly TRequestStatus[]).includes(status);
}

/** The last moment the decision made at `decidedAt` can be appealed. */
export function appealDeadline(decidedAt: Date): Date {
  return addDays(decidedAt, APPEAL_WINDOW_DAYS);
}

/** What the rules need to know of a declined or withdrawn request before its requester appeals. */
export type TAppealable = {
  /** When the decline or the withdrawal was made. */
  decidedAt: Date;
  /** The requester ended the grant themselves: nobody decided against them. */
  ownWithdrawal: boolean;
  /** The request was appealed before (whatever came of it). */
  appealed: boolean;
};

/** Why the requester may not appeal now, or undefined when they may: once, not their own give-up, within the window. */
export function appealRefusal(appealable: TAppealable, now: Date): TMessageKey | undefined {
  if (appealable.appealed) return "appeal-error-once";
  if (appealable.ownWithdrawal) return "appeal-error-own-withdrawal";
  if (now.getTime() > appealDeadline(appealable.decidedAt).getTime()) return "appeal-error-too-late";
  return undefined;
}

/** Everyone with a hand in a decision, by the part they played. */
export type TDecisionParties = {
  deciderId?: string | null;
  confirmerId?: string | null;
  proposerIds?: readonly string[];
  assessorIds?: readonly string[];
  withdrawerId?: string | null;
};

/** The people who took part in a decision, each once. */
export function involvedIn(parties: TDecisionParties): string[] {
  const ids = [parties.deciderId, parties.confirmerId, ...(parties.proposerIds ?? []), ...(parties.assessorIds ?? []), parties.withdrawerId];
  return [...new Set(ids.filter((id): id is string => Boolean(id)))];
}

/** Whether the person took part in the decision appealed against, and so may not decide the appeal. */
export function tookPart(personId: string, involvedIds: readonly string[]) {
  return involvedIds.includes(personId);
}

/** What the permission rules know of a request's appeal: why its requester may not appeal, and who may not decide it. */
export type TAppealPermission = { requesterRefusal?: TMessageKey; involvedIds: readonly string[] };

const REQUESTER_EVENTS: readonly TAppealEvent[] = ["appeal_decline", "appeal_withdrawal"];

/** Why the viewer may not take an appeal event, the state machine's checks aside; undefined when they may. */
export function appealEventRefusal(viewerId: string, appeal: TAppealPermission | undefined, event: TAppealEvent): TMessageKey | undefined {
  // Without what the rules need to know, nothing is offered and nothing is allowed.
  if (!appeal) return "appeal-error-unknown";
  if (REQUESTER_EVENTS.includes(event)) return appeal.requesterRefusal;
  return tookPart(viewerId, appeal.involvedIds) ? "appeal-error-involved" : undefined;
}

/** The requester's event to appeal what their request is now: a withdrawal, or else a decline (the state machine refuses anything else). */
export function requesterAppealEvent(status: TRequestStatus): "appeal_decline" | "appeal_withdrawal" {
  return status === "WITHDRAWN" ? "appeal_withdrawal" : "appeal_decline";
}

/** The reviewer's event for an outcome on an appeal against `from` (a decline or a withdrawal). */
export function appealDecisionEvent(from: "DECLINED" | "WITHDRAWN", outcome: TAppealOutcomeChoice): TAppealEvent {
  if (from === "DECLINED") return outcome === "uphold" ? "uphold_decline" : "overturn_decline";
  return outcome === "uphold" ? "uphold_withdrawal" : "overturn_withdrawal";
}

export const APPEAL_OUTCOMES = ["uphold", "overturn"] as const;
export type TAppealOutcomeChoice = (typeof APPEAL_OUTCOMES)[number];

/** The form field in which the requester adds to one section of their answers. */
export function additionField<S extends TSectionId>(section: S): `addition-${S}` {
  return `addition-${section}`;
}

const ADDITION = text(LIMITS.long);
const ADDITION_FIELDS = Object.fromEntries(SECTION_IDS.map((section) => [additionField(section), ADDITION])) as {
  [S in TSectionId as `addition-${S}`]: typeof ADDITION;
};

export const ZAppealInput = ZRequestVersion.extend({
  statement: requiredText(LIMITS.long, "error-appeal-statement"),
  ...ADDITION_FIELDS,
  additionalInformation: text(LIMITS.long),
});
export type TAppealInput = z.infer<typeof ZAppealInput>;

/** What an appeal adds to sections of the answers, by section, in the sections' order; the answers themselves stay. */
export type TAppealAdditions = Partial<Record<TSectionId, string>>;

/** The sections an appeal adds to, with what it adds: those the requester wrote something for. */
export function appealAdditions(input: { [S in TSectionId as `addition-${S}`]: string }): TAppealAdditions {
  const additions: TAppealAdditions = {};
  for (const section of SECTION_IDS) {
    const added = input[additionField(section)];
    if (added) additions[section] = added;
  }
  return additions;
}

/** Additions as the database stores them, read back defensively: only section ids with text. */
export function storedAdditions(stored: unknown): TAppealAdditions {
  if (!stored || typeof stored !== "object" || Array.isArray(stored)) return {};
  const value = stored as Record<string, unknown>;
  const additions: TAppealAdditions = {};
  for (const section of SECTION_IDS) {
    const added = value[section];
    if (typeof added === "string" && added.length > 0) additions[section] = added;
  }
  return additions;
}

export const ZAppealDecisionInput = ZRequestVersion.extend({
  outcome: choice(APPEAL_OUTCOMES, "error-appeal-outcome"),
  reasons: requiredText(LIMITS.long, "error-appeal-reasons"),
});
export type TAppealDecisionInput = z.infer<typeof ZAppealDecisionInput>;
