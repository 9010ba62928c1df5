// Wording shared by the register page, its JSON and its Atom feed.
import type { TRegisterStatus } from "@/lib/domain/register/register";

import { longDate } from "./format";
import { contributionKindLabel } from "./labels";
import type { TMessageKey, TTranslate } from "./translator";

export const REGISTER_STATUS_LABEL: Record<TRegisterStatus, TMessageKey> = {
  not_started: "register-status-not-started",
  active: "register-status-active",
  expired: "register-status-expired",
  withdrawn: "register-status-withdrawn",
  given_up: "register-status-given-up",
};

const API_LABEL: Record<string, TMessageKey> = { snapshot: "scope-api-snapshot", on_demand: "scope-api-on-demand", realtime: "scope-api-realtime" };

/** The APIs of a grant, in words, in the order they were granted, listed as the language lists things. */
export function apiNames(t: TTranslate, apis: string[], formats: string) {
  return new Intl.ListFormat(formats, { type: "unit", style: "short" }).format(apis.flatMap((api) => (API_LABEL[api] ? [t(API_LABEL[api])] : [])));
}

type TPeriod = { startsOn: string; expiresOn: string | null; endedOn: string | null };

/** The period of a grant in words: its start and expiry, and the day it ended if that came first. */
export function periodText(t: TTranslate, entry: TPeriod, formats: string) {
  const from = longDate(entry.startsOn, formats);
  const until = entry.expiresOn ? longDate(entry.expiresOn, formats) : "";
  if (entry.endedOn) return t("register-period-ended", from, until, longDate(entry.endedOn, formats));
  return t("register-period", from, until);
}

/** A delivered contribution as one line: its kind, what it is, and where it can be seen. */
export function deliveredLine(t: TTranslate, contribution: { kind: string; description: string; link: string | null }) {
  const what = `${contributionKindLabel(t, contribution.kind)}: ${contribution.description}`;
  return t("register-delivered-line", contribution.link ? `${what} (${contribution.link})` : what);
}
