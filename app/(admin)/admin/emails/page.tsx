import Link from "next/link";
import { Done } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";

import { ResendEmailForm } from "@/components/admin/resend-email-form";
import { Reference } from "@/components/ui/reference";
import { Table } from "@/components/ui/table";

import { resendEmailAction } from "./actions";
import { Pagination } from "@/components/ui/pagination";
import { canAdminister } from "@/lib/domain/roles";
import { readSearch, type TPageSearch } from "@/lib/domain/search-params";
import { shortDateTime } from "@/lib/i18n/format";
import { getI18n, titledBy } from "@/lib/i18n/server";
import type { TTranslate } from "@/lib/i18n/translator";
import { listUndeliveredEmails, type TUndelivered, type TUndeliveredEmail } from "@/lib/jobs/undelivered-emails";
import { requireRole } from "@/lib/server/session";
import { ClientMessages } from "@/components/ui/client-messages";
import { ADMIN_MESSAGES } from "@/lib/i18n/client-messages";

export const generateMetadata = titledBy("admin-emails-title");

export default async function AdminEmailsPage({ searchParams }: TPageSearch) {
  const viewer = await requireRole("/admin/emails", canAdminister);
  const [{ t, formats }, params] = await Promise.all([getI18n(), readSearch(searchParams)]);
  const [failed, retrying] = await Promise.all([
    listUndeliveredEmails(viewer, "failed", params.failed),
    listUndeliveredEmails(viewer, "retrying", params.retrying),
  ]);
  const pageOf = (which: TUndelivered, after?: string) => pageLink({ failed: params.failed, retrying: params.retrying, [which]: after });

  return (
    <ClientMessages set={ADMIN_MESSAGES.emails}>
      <div className="page">
        <PageHeading title="admin-emails-title" lead="admin-emails-intro" />
        {params.resent ? <Done>{t("admin-emails-resent")}</Done> : null}

        <h2>{t("admin-emails-failed-title")}</h2>
        <EmailTable t={t} formats={formats} emails={failed.emails} which="failed" />
        <Pagination firstHref={params.failed ? pageOf("failed") : undefined} nextHref={failed.next ? pageOf("failed", failed.next) : undefined} />

        <h2>{t("admin-emails-retrying-title")}</h2>
        <p>{t("admin-emails-retrying-intro")}</p>
        <EmailTable t={t} formats={formats} emails={retrying.emails} which="retrying" />
        <Pagination firstHref={params.retrying ? pageOf("retrying") : undefined} nextHref={retrying.next ? pageOf("retrying", retrying.next) : undefined} />
      </div>
    </ClientMessages>
  );
}

type TableProps = { t: TTranslate; formats: string; emails: TUndeliveredEmail[]; which: TUndelivered };

function EmailTable({ t, formats, emails, which }: TableProps) {
  return (
    <Table
      caption={t(which === "failed" ? "admin-emails-failed-caption" : "admin-emails-retrying-caption")}
      columns={[
        t("admin-emails-col-created"),
        t("admin-emails-col-to"),
        t("admin-emails-col-subject"),
        t("admin-emails-col-kind"),
        t("admin-emails-col-request"),
        t("admin-emails-col-attempts"),
        t("admin-emails-col-error"),
        ...(which === "failed" ? [t("admin-emails-col-action")] : []),
      ]}
      empty={emails.length === 0 ? t(which === "failed" ? "admin-emails-failed-none" : "admin-emails-retrying-none") : undefined}
    >
      {emails.map((email) => (
        <tr key={email.id}>
          <td>{shortDateTime(email.createdAt, formats)}</td>
          <td>{email.to}</td>
          <td>{email.subject}</td>
          <td>
            <code>{email.kind}</code>
          </td>
          <td>
            {email.request ? (
              <Link href={`/review/${email.request.id}`}>
                {email.request.reference ? <Reference>{email.request.reference}</Reference> : t("admin-emails-request-draft")}
              </Link>
            ) : (
              t("admin-emails-request-none")
            )}
          </td>
          <td>{email.attempts}</td>
          <td className="pre-line">{email.lastError ?? ""}</td>
          {which === "failed" ? (
            <td>
              <ResendEmailForm action={resendEmailAction} emailId={email.id} emailLabel={t("admin-emails-resend-label", email.subject, email.to)} />
            </td>
          ) : null}
        </tr>
      ))}
    </Table>
  );
}

function pageLink(params: Record<string, string | undefined>) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const query = search.toString();
  return query ? `/admin/emails?${query}` : "/admin/emails";
}
