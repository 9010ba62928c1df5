import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { env } from "@/lib/env";
import { shortDateTime } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import { fullTitle } from "@/lib/i18n/title";
import { fromLoopback } from "@/lib/server/client";
import { listDevMail } from "@/lib/server/dev-mailbox";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: fullTitle(t, t("dev-mailbox-title")), robots: { index: false } };
}

/**
 * Outside production, without SMTP_URL, mail lands here so a fresh checkout can sign in. It holds
 * every sign-in link, so only someone at this machine (the loopback interface) may read it.
 */
export default async function DevMailboxPage() {
  if (env().production || !(await fromLoopback())) notFound();
  const [{ t, formats }, mails] = await Promise.all([getI18n(), listDevMail()]);
  return (
    <div className="page">
      <h1>{t("dev-mailbox-title")}</h1>
      <p className="notice notice--warning">{t("dev-mailbox-intro")}</p>
      {mails.length === 0 ? <p>{t("dev-mailbox-empty")}</p> : null}
      {mails.map((mail) => (
        <article className="panel" key={mail.id} aria-labelledby={`mail-${mail.id}`}>
          <h2 id={`mail-${mail.id}`}>{mail.subject}</h2>
          <p className="hint">{t("dev-mailbox-meta", mail.to, shortDateTime(mail.createdAt, formats))}</p>
          <div className="mail">{linkify(mail.text)}</div>
        </article>
      ))}
    </div>
  );
}

/** Shows the plain-text part with its links clickable, without rendering any HTML from the mail. */
function linkify(text: string) {
  return text.split(/(https?:\/\/\S+)/g).map((part, index) =>
    index % 2 === 1 ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: the pieces of one text, in their order
      <a key={index} href={part}>
        {part}
      </a>
    ) : (
      part
    ),
  );
}
