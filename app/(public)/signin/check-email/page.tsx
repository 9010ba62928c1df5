import Link from "next/link";

import { env } from "@/lib/env";
import { getI18n, titledBy } from "@/lib/i18n/server";
import { fromLoopback } from "@/lib/server/client";

export const generateMetadata = titledBy("check-email-title");

export default async function CheckEmailPage() {
  const { t } = await getI18n();
  const settings = env();
  return (
    <div className="page narrow">
      <h1>{t("check-email-title")}</h1>
      <p className="lead">{t("check-email-body", 60)}</p>
      <p>{t("check-email-spam")}</p>
      {!settings.smtpUrl && !settings.production && (await fromLoopback()) ? (
        <p className="notice">
          {t("check-email-dev")} <Link href="/dev/mailbox">{t("dev-mailbox-title")}</Link>
        </p>
      ) : null}
      <p>
        <Link href="/signin">{t("check-email-again")}</Link>
      </p>
    </div>
  );
}
