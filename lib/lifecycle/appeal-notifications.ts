// Who hears of an appeal's events (NOTIFICATIONS in ./notifications.ts spreads these in): the
// requester, that their appeal arrived, and its outcome with the reviewer's reasons.
import type { TNotice, TNotices } from "./notifications";
import type { TLifecycleEvent } from "./types";

type TAppealNotices = {
  appeal_decline: TNotices<"appeal_decline">;
  appeal_withdrawal: TNotices<"appeal_withdrawal">;
  uphold_decline: TNotices<"uphold_decline">;
  overturn_decline: TNotices<"overturn_decline">;
  uphold_withdrawal: TNotices<"uphold_withdrawal">;
  overturn_withdrawal: TNotices<"overturn_withdrawal">;
};

const received = <E extends TLifecycleEvent>(): TNotice<E> => ({
  to: "requester",
  kind: "appeal_received",
  key: ({ request }) => `appeal-received:${request.id}`,
});

const outcome = <E extends "uphold_decline" | "overturn_decline" | "uphold_withdrawal" | "overturn_withdrawal">(
  kind: "appeal_upheld" | "appeal_overturned_decline" | "appeal_overturned_withdrawal",
): TNotice<E> => ({
  to: "requester",
  kind,
  key: ({ request }) => `appeal-decided:${request.id}`,
  text: (details) => ({ detail: details.reasons }),
});

export const APPEAL_NOTIFICATIONS: TAppealNotices = {
  appeal_decline: [received()],
  appeal_withdrawal: [received()],
  uphold_decline: [outcome("appeal_upheld")],
  overturn_decline: [outcome("appeal_overturned_decline")],
  uphold_withdrawal: [outcome("appeal_upheld")],
  overturn_withdrawal: [outcome("appeal_overturned_withdrawal")],
};
