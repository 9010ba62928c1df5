import type { TFlagId, TFlagSeverity } from "@/lib/domain/review/flags";

import type { TMessageKey } from "./translator";

/** A flag in a few words, for places where its full explanation would not fit (the review queue). */
export const FLAG_LABEL: Record<TFlagId, TMessageKey> = {
  genai_without_ethics: "flag-label-genai-without-ethics",
  commercial_without_public_benefit: "flag-label-commercial-without-public-benefit",
  wikimedia_account_blocked: "flag-label-wikimedia-blocked",
  need_names_no_insufficient_method: "flag-label-need-names-no-insufficient-method",
  volume_within_free_limits: "flag-label-volume-within-free-limits",
  custom_development: "flag-label-custom-development",
  open_ended_or_long: "flag-label-open-ended-or-long",
  wikimedia_account_bot: "flag-label-wikimedia-bot",
  wikimedia_account_new: "flag-label-wikimedia-new",
  special_marginalised_communities: "flag-label-special-marginalised-communities",
  special_underrepresented_languages: "flag-label-special-underrepresented-languages",
  special_sister_projects: "flag-label-special-sister-projects",
};

/** What each severity is called, and how its tag looks: the words are always there, never the colour alone. */
export const SEVERITY_LABEL: Record<TFlagSeverity, { label: TMessageKey; tone: string }> = {
  red: { label: "review-severity-red", tone: "tag--error" },
  warning: { label: "review-severity-warning", tone: "tag--warning" },
  positive: { label: "review-severity-positive", tone: "tag--success" },
};

export const isFlagId = (id: string): id is TFlagId => Object.hasOwn(FLAG_LABEL, id);
export const isSeverity = (severity: string): severity is TFlagSeverity => Object.hasOwn(SEVERITY_LABEL, severity);
