import type { TCheckInContributionStatus, TCheckInUsage, TCheckInUseCase } from "@/lib/domain/check-ins";

import type { TMessageKey } from "./translator";

/** How a check-in's answers read, on the form, to reviewers and in exports. */
export const USE_CASE_LABEL: Record<TCheckInUseCase, TMessageKey> = {
  active: "check-in-use-case-active",
  winding_down: "check-in-use-case-winding-down",
  ended: "check-in-use-case-ended",
};

export const USAGE_LABEL: Record<TCheckInUsage, TMessageKey> = {
  under_quarter: "check-in-usage-under-quarter",
  quarter_to_half: "check-in-usage-quarter-to-half",
  half_to_most: "check-in-usage-half-to-most",
  about_all: "check-in-usage-about-all",
  more_than_granted: "check-in-usage-more-than-granted",
  unknown: "check-in-usage-unknown",
};

export const CONTRIBUTION_FATE_LABEL: Record<TCheckInContributionStatus, TMessageKey> = {
  DELIVERED: "check-in-contribution-delivered",
  IN_PROGRESS: "check-in-contribution-in-progress",
  DROPPED: "check-in-contribution-dropped",
};

/** The label of a stored answer, which an older version may have written differently: the raw value then. */
export function answerLabel<K extends string>(labels: Record<K, TMessageKey>, value: string): TMessageKey | undefined {
  return Object.hasOwn(labels, value) ? labels[value as K] : undefined;
}
