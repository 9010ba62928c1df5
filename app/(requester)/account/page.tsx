import Link from "next/link";

import { AccountNameForm } from "@/components/account/account-name-form";
import { DigestForm } from "@/components/account/digest-form";
import { Done } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";

import { LanguagePreferenceForm } from "@/components/layout/language-preference-form";
import { chooseLanguageAction } from "@/app/(public)/language/actions";
import { RoleLabel } from "@/components/layout/role-label";
import { longDate } from "@/lib/i18n/format";
import { getI18n, titledBy } from "@/lib/i18n/server";
import { exportPersonalData } from "@/lib/server/personal-data";
import { requireViewer } from "@/lib/server/session";
import { ownDigest } from "@/lib/server/users";

import { saveAccountNameAction, saveDigestAction } from "./actions";
import { ClientMessages } from "@/components/ui/client-messages";
import { ACCOUNT_MESSAGES } from "@/lib/i18n/client-messages";

export const generateMetadata = titledBy("account-title");

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ language?: string; name?: string; digest?: string }> }) {
  const viewer = await requireViewer("/account");
  const [{ t, formats }, data, query, digest] = await Promise.all([getI18n(), exportPersonalData(viewer), searchParams, ownDigest(viewer)]);
  const providers = data.signInAccounts.map((account) => account.provider);
  return (
    <div className="page narrow">
      <PageHeading title="account-title" lead="account-lead" />

      <h2>{t("account-held-title")}</h2>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>{t("account-email")}</dt>
          <dd>{data.account.email ? <bdi>{data.account.email}</bdi> : t("account-none")}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t("account-name")}</dt>
          <dd>{data.account.name ? <bdi>{data.account.name}</bdi> : t("account-none")}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t("account-role")}</dt>
          <dd>
            <RoleLabel role={viewer.role} />
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{t("account-created")}</dt>
          <dd>{longDate(data.account.createdAt, formats)}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t("account-sign-in-methods")}</dt>
          <dd>{providers.length > 0 ? providers.join(", ") : t("account-sign-in-email-only")}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t("account-requests")}</dt>
          <dd>
            <Link href="/requests">{t("account-requests-count", data.requests.length)}</Link>
          </dd>
        </div>
      </dl>
      <p>{t("account-held-requests")}</p>

      <h2 id="name-title">{t("account-name-title")}</h2>
      {query.name === "saved" ? <Done>{t("account-name-saved")}</Done> : null}
      {query.name === "removed" ? <Done>{t("account-name-removed")}</Done> : null}
      <ClientMessages set={ACCOUNT_MESSAGES}>
        <AccountNameForm action={saveAccountNameAction} saved={data.account.name} />
      </ClientMessages>

      <h2 id="language-title">{t("account-language-title")}</h2>
      {query.language === "saved" ? <Done>{t("account-language-saved")}</Done> : null}
      <LanguagePreferenceForm chooseLanguageAction={chooseLanguageAction} saved={data.account.language} />

      {digest ? (
        <>
          <h2 id="digest-title">{t("account-digest-title")}</h2>
          {query.digest === "saved" ? <Done>{t(digest === "NONE" ? "account-digest-saved-none" : "account-digest-saved")}</Done> : null}
          <ClientMessages set={ACCOUNT_MESSAGES}>
            <DigestForm action={saveDigestAction} saved={digest} />
          </ClientMessages>
        </>
      ) : null}

      <h2>{t("account-download-title")}</h2>
      <p>{t("account-download-body")}</p>
      <p>
        <a className="button button--primary" href="/account/export" download>
          {t("account-download-link")}
        </a>
      </p>

      <h2>{t("account-erase-title")}</h2>
      <p>{t("account-erase-body")}</p>
      <p>
        <Link href="/account/erase">{t("account-erase-link")}</Link>
      </p>
    </div>
  );
}
