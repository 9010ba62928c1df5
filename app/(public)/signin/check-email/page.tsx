import { cookies } from "next/headers";
import Link from "next/link";

import { isolatedMessage } from "@/components/ui/isolated-message";
import { isOneEmailAddress } from "@/lib/domain/request/fields";
import { SIGNIN_TO_COOKIE } from "@/lib/domain/sign-in";

import { env } from "@/lib/env";
import { getI18n, titledBy } from "@/lib/i18n/server";
import { fromLoopback } from "@/lib/server/client";

export const generateMetadata = titledBy("check-email-title");

export default async function CheckEmailPage() {
  const { t } = await getI18n();
  const settings = env();
  const sentTo = (await cookies()).get(SIGNIN_TO_COOKIE)?.value;
  return (
    <div className="page narrow">
      <h1>{t("check-email-title")}</h1>
      <p className="lead">
        {isOneEmailAddress(sentTo) ? (
          <>
            {isolatedMessage(t, "check-email-sent-to", sentTo)} {t("check-email-valid", 60)}
          </>
        ) : (
          t("check-email-body", 60)
        )}
      </p>
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
