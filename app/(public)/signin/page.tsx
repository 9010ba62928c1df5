import { redirect } from "next/navigation";
import { PageHeading } from "@/components/ui/page-heading";

import { EmailSignInForm } from "@/components/auth/email-sign-in-form";

import { emailSignInAction } from "./actions";
import { safeReturnPath } from "@/lib/domain/return-path";
import { env } from "@/lib/env";
import { getI18n } from "@/lib/i18n/server";
import { fromLoopback, offeredWikimediaSignIn } from "@/lib/server/client";
import { getViewer } from "@/lib/server/session";
import { DEMO_ACCOUNTS, demoWikimediaAccounts } from "@/prisma/seed";

import { wikimediaSignInAction } from "./actions";
import { ClientMessages } from "@/components/ui/client-messages";
import { SIGN_IN_MESSAGES } from "@/lib/i18n/client-messages";

/** What Wikimedia's answer means for the person, when it was not a sign-in (app/api/auth/[...nextauth]/route.ts). */
const WIKIMEDIA_ERRORS = { WikimediaDenied: "signin-wikimedia-denied", OAuthCallbackError: "signin-wikimedia-failed" } as const;

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const [{ t }, viewer, params, wikimedia] = await Promise.all([getI18n(), getViewer(), searchParams, offeredWikimediaSignIn()]);
  const callbackUrl = safeReturnPath(params.callbackUrl);
  if (viewer) redirect(callbackUrl ?? "/home");
  const settings = env();
  // The demo accounts, the admin's among them, are for someone at this machine only.
  const showDemo = settings.demoData && !settings.production && (await fromLoopback());
  return (
    <div className="page narrow">
      <PageHeading title="signin-title" lead="signin-intro" />
      {params.error === "WikimediaDenied" || params.error === "OAuthCallbackError" ? (
        <div className="notice notice--warning" role="alert">
          <p>{t(WIKIMEDIA_ERRORS[params.error])}</p>
        </div>
      ) : null}
      {wikimedia ? (
        <section aria-labelledby="signin-wikimedia" className="panel">
          <h2 id="signin-wikimedia">{t("signin-wikimedia-heading")}</h2>
          <p>{t(wikimedia.demo ? "signin-wikimedia-demo-body" : "signin-wikimedia-body")}</p>
          {wikimedia.demo ? (
            <ul>
              {demoWikimediaAccounts(new Date()).map(({ account, note }) => (
                <li key={account.sub}>
                  <b>{account.username}</b> – {t(note)}
                </li>
              ))}
            </ul>
          ) : null}
          <form action={wikimediaSignInAction}>
            {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
            <button className="button button--primary" type="submit">
              {t(wikimedia.demo ? "signin-wikimedia-demo-submit" : "signin-wikimedia-submit")}
            </button>
          </form>
        </section>
      ) : null}
      <section aria-labelledby="signin-email" className="panel">
        <h2 id="signin-email">{t("signin-email-heading")}</h2>
        <p>{t("signin-email-body")}</p>
        <ClientMessages set={SIGN_IN_MESSAGES}>
          <EmailSignInForm action={emailSignInAction} callbackUrl={callbackUrl} />
        </ClientMessages>
      </section>
      {showDemo ? (
        <section aria-labelledby="signin-demo" className="notice">
          <h2 id="signin-demo">{t("signin-demo-heading")}</h2>
          <p>{t("signin-demo-body")}</p>
          <ul>
            {DEMO_ACCOUNTS.map((account) => (
              <li key={account.email}>
                <code>{account.email}</code> – {account.name}
              </li>
            ))}
          </ul>
          {settings.smtpUrl ? null : (
            <p>
              <a href="/dev/mailbox">{t("signin-demo-mailbox")}</a>
            </p>
          )}
        </section>
      ) : null}
    </div>
  );
}
