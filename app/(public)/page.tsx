import type { Metadata } from "next";
import { PageHeading } from "@/components/ui/page-heading";
import Link from "next/link";

import { LinkList } from "@/components/ui/link-list";
import { MessageList } from "@/components/ui/message-list";
import { getI18n } from "@/lib/i18n/server";
import { offeredWikimediaSignIn } from "@/lib/server/client";
import type { TMessageKey } from "@/lib/i18n/translator";

const FREE_OPTIONS: TMessageKey[] = ["start-free-account", "start-free-cloud", "start-free-dumps", "start-free-apis"];
const CRITERIA: [TMessageKey, TMessageKey][] = [
  ["criterion-who", "start-criterion-who"],
  ["criterion-what", "start-criterion-what"],
  ["criterion-need", "start-criterion-need"],
  ["criterion-obligation", "start-criterion-obligation"],
  ["criterion-mission", "start-criterion-mission"],
  ["criterion-values", "start-criterion-values"],
];

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("app-name") };
}

export default async function StartPage() {
  const [{ t }, wikimedia] = await Promise.all([getI18n(), offeredWikimediaSignIn()]);
  return (
    <div className="page narrow">
      <PageHeading title="start-title" lead="start-lead" />
      <p>{t("start-who-for")}</p>
      <p>
        <Link className="button button--primary" href="/requests/new">
          {t("start-button")}
        </Link>
      </p>
      <p className="hint">{t(wikimedia ? "start-button-hint" : "start-button-hint-email")}</p>

      <h2>{t("start-free-title")}</h2>
      <p>{t("start-free-intro")}</p>
      <ul>
        {FREE_OPTIONS.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ul>

      <h2>{t("start-criteria-title")}</h2>
      <p>{t("start-criteria-intro")}</p>
      <dl>
        {CRITERIA.map(([name, explanation]) => (
          <div key={name}>
            <dt>
              <strong>{t(name)}</strong>
            </dt>
            <dd>{t(explanation)}</dd>
          </div>
        ))}
      </dl>

      <h2>{t("start-next-title")}</h2>
      <MessageList ordered items={["start-next-review", "start-next-questions", "start-next-decision", "start-next-grant"]} />
      <p>{t("start-next-time")}</p>

      <h2>{t("start-open-title")}</h2>
      <p>{t("start-open-body")}</p>
      <LinkList
        links={[
          ["/register", "start-open-register"],
          ["/figures", "start-open-figures"],
        ]}
      />
    </div>
  );
}
