import Link from "next/link";

import { getI18n, titledBy } from "@/lib/i18n/server";
import type { TMessageKey } from "@/lib/i18n/translator";

export const generateMetadata = titledBy("signin-failed-title");

/** Auth.js sends failures here with an `error` code; each known code gets an explanation. */
const EXPLANATIONS: Record<string, TMessageKey> = {
  Verification: "signin-failed-verification",
  NoConfirmedEmail: "signin-failed-no-email",
  AccessDenied: "signin-failed-denied",
  OAuthAccountNotLinked: "signin-failed-not-linked",
};

export default async function SignInErrorPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const [{ t }, { error }] = await Promise.all([getI18n(), searchParams]);
  const explanation = (error && EXPLANATIONS[error]) || "signin-failed-other";
  return (
    <div className="page narrow">
      <h1>{t("signin-failed-title")}</h1>
      <p className="lead">{t(explanation)}</p>
      <p>
        <Link className="button button--primary" href="/signin">
          {t("signin-failed-again")}
        </Link>
      </p>
    </div>
  );
}
