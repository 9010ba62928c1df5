import "server-only";

import { atomFeed, tagUri } from "@/lib/domain/register/atom";
import type { TRegisterParams } from "@/lib/domain/register/register";
import { dayOf } from "@/lib/domain/time";
import { publicUrl } from "@/lib/env";
import { apiNames, deliveredLine, periodText, REGISTER_STATUS_LABEL } from "@/lib/i18n/register-text";
import type { TTranslate } from "@/lib/i18n/translator";

import { now } from "./clock";
import { listRegister, type TRegisterEntry } from "./register";

/** Responses anyone may cache for a few minutes: the register changes with decisions, not by the second. */
export const FEED_HEADERS = { "Cache-Control": "public, max-age=300", Vary: "Accept-Language" };

const entryUrl = (base: string, reference: string) => `${base}/register?reference=${encodeURIComponent(reference)}`;

function lastUpdate(entries: TRegisterEntry[]) {
  return entries.reduce<Date | undefined>((latest, entry) => (!latest || entry.updated > latest ? entry.updated : latest), undefined) ?? now();
}

/** The reader's language, for the few words the data and the feed carry. */
type TWords = { t: TTranslate; locale: string; formats: string };

/** One page of the register as data: the same entries, in the same order, as the page and the feed. */
export async function registerJson(params: TRegisterParams, { t }: TWords) {
  const { entries, next } = await listRegister(params);
  const base = publicUrl();
  const query = (extra: Record<string, string | undefined>) => {
    const search = new URLSearchParams(
      Object.entries({ status: params.status, reference: params.reference, ...extra }).filter((entry): entry is [string, string] => Boolean(entry[1])),
    );
    return search.size > 0 ? `?${search}` : "";
  };
  return {
    title: t("register-title"),
    description: t("register-lead"),
    updated: lastUpdate(entries).toISOString(),
    links: {
      self: `${base}/register.json${query({ after: params.after })}`,
      html: `${base}/register${query({ after: params.after })}`,
      atom: `${base}/register.atom`,
      next: next ? `${base}/register.json${query({ after: next })}` : null,
    },
    grants: entries.map((entry) => ({
      reference: entry.reference,
      name: entry.name,
      summary: entry.summary,
      apis: entry.apis,
      status: entry.status,
      grantedOn: dayOf(entry.grantedAt),
      startsOn: entry.startsOn,
      expiresOn: entry.expiresOn,
      endedOn: entry.endedOn,
      updated: entry.updated.toISOString(),
      url: entryUrl(base, entry.reference),
      contributionsDelivered: entry.delivered,
      // Granted by email before the app, and recorded here since.
      recordedFromEmail: entry.imported,
    })),
  };
}

/** The newest page of the register as an Atom feed; an entry keeps its id whatever happens to the grant. */
export async function registerAtom({ t, locale, formats }: TWords) {
  const { entries } = await listRegister({});
  const base = publicUrl();
  const host = new URL(base).hostname;
  return atomFeed({
    id: tagUri(host, "2026", "register"),
    title: t("register-title"),
    subtitle: t("register-lead"),
    lang: locale,
    updated: lastUpdate(entries),
    selfLink: `${base}/register.atom`,
    htmlLink: `${base}/register`,
    jsonLink: `${base}/register.json`,
    author: t("register-feed-author"),
    entries: entries.map((entry) => ({
      id: tagUri(host, dayOf(entry.grantedAt), `grant/${entry.reference}`),
      title: entry.name,
      published: entry.grantedAt,
      updated: entry.updated,
      link: entryUrl(base, entry.reference),
      summary: entry.summary,
      content: [
        entry.summary,
        `${t("register-apis")}: ${apiNames(t, entry.apis, formats)}`,
        `${t("register-period-label")}: ${periodText(t, entry, formats)}`,
        `${t("register-status")}: ${t(REGISTER_STATUS_LABEL[entry.status])}`,
        `${t("register-reference")}: ${entry.reference}`,
        ...entry.delivered.map((contribution) => deliveredLine(t, contribution)),
      ].join("\n"),
      categories: [
        { term: entry.status, label: t(REGISTER_STATUS_LABEL[entry.status]) },
        ...entry.apis.map((api) => ({ term: api, label: apiNames(t, [api], formats) })),
      ],
    })),
  });
}
