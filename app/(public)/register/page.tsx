import type { Metadata } from "next";
import { PageHeading } from "@/components/ui/page-heading";
import Link from "next/link";

import { RegisterEntry } from "@/components/register/register-entry";
import { SelectField } from "@/components/ui/fields";
import { Pagination } from "@/components/ui/pagination";
import { referenceMessage } from "@/components/ui/reference";
import { REGISTER_FILTERS, ZRegisterParams, type TRegisterFilter, type TRegisterParams } from "@/lib/domain/register/register";
import { firstValues, type TPageSearch } from "@/lib/domain/search-params";
import { getI18n } from "@/lib/i18n/server";
import { fullTitle } from "@/lib/i18n/title";
import type { TMessageKey } from "@/lib/i18n/translator";
import { listRegister } from "@/lib/server/register";

type TProps = TPageSearch;

const FILTER_LABEL: Record<TRegisterFilter, TMessageKey> = {
  not_started: "register-filter-not-started",
  active: "register-filter-active",
  expired: "register-filter-expired",
  ended: "register-filter-ended",
};

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return {
    title: fullTitle(t, t("register-title")),
    alternates: {
      types: {
        "application/atom+xml": [{ url: "/register.atom", title: t("register-feed-atom") }],
        "application/json": [{ url: "/register.json", title: t("register-feed-json") }],
      },
    },
  };
}

/** The register's address with these parameters, blank ones left out. */
function registerHref(params: Partial<TRegisterParams>) {
  const search = new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => Boolean(entry[1])));
  const query = search.toString();
  return query ? `/register?${query}` : "/register";
}

/** Grants whose holders agreed to be listed, newest first, for anyone to read: no sign-in, no personal data. */
export default async function RegisterPage({ searchParams }: TProps) {
  const params = ZRegisterParams.parse(firstValues(await searchParams));
  const [{ t }, { entries, next }] = await Promise.all([getI18n(), listRegister(params)]);
  const filtered = Boolean(params.status || params.reference);
  return (
    <div className="page narrow">
      <PageHeading title="register-title" lead="register-lead" />
      <p>
        {t("register-privacy")} <Link href="/figures">{t("register-figures-link")}</Link>
      </p>
      <p>
        {t("register-data-intro")} <a href="/register.json">{t("register-feed-json")}</a>, <a href="/register.atom">{t("register-feed-atom")}</a>
      </p>

      <form className="filters" method="get" action="/register" aria-label={t("register-filter-label")}>
        <SelectField
          id="status"
          label={t("register-filter-status")}
          placeholder={t("register-filter-all")}
          options={REGISTER_FILTERS.map((filter) => ({ value: filter, label: t(FILTER_LABEL[filter]) }))}
          defaultValue={params.status ?? ""}
        />
        <div className="button-group">
          <button className="button button--primary" type="submit">
            {t("register-filter-apply")}
          </button>
          {filtered ? <Link href="/register">{t("register-filter-clear")}</Link> : null}
        </div>
      </form>

      {params.reference ? <p className="notice">{referenceMessage(t, "register-one-reference", params.reference)}</p> : null}
      <p role="status" className="hint">
        {t(entries.length === 0 ? (filtered ? "register-empty-filtered" : "register-empty") : next ? "register-count-more" : "register-count", entries.length)}
      </p>
      {entries.length > 0 ? (
        <ul className="register-list">
          {entries.map((entry) => (
            <li key={entry.reference}>
              <RegisterEntry entry={entry} />
            </li>
          ))}
        </ul>
      ) : null}
      <Pagination
        firstHref={params.after ? registerHref({ status: params.status, reference: params.reference }) : undefined}
        nextHref={next ? registerHref({ status: params.status, reference: params.reference, after: next }) : undefined}
      />
    </div>
  );
}
