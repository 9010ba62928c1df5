import Link from "next/link";

import { RequestStatusTag } from "@/components/request/status-tag";
import { ActiveGrantValues } from "@/components/review/active-grant-values";
import { PastTargetRequests, WorkloadTable } from "@/components/review/response-targets";
import { Reference } from "@/components/ui/reference";
import { Table } from "@/components/ui/table";
import { canAdminister, canReview } from "@/lib/domain/roles";
import { readSearch, type TPageSearch } from "@/lib/domain/search-params";
import { STRUGGLING_ATTEMPTS } from "@/lib/domain/webhook-endpoint-form";
import { DAY_MS, daysBetween } from "@/lib/domain/time";
import { formatNumber, shortDate } from "@/lib/i18n/format";
import { getI18n, titledBy } from "@/lib/i18n/server";
import { strugglingEndpoints, type TStrugglingEndpoint } from "@/lib/server/admin/webhooks";
import { dashboard, EXPIRING_WITHIN_DAYS } from "@/lib/server/review/dashboard";
import { activeGrantValues } from "@/lib/server/review/grant-values";
import { pastTargetRequests, workload } from "@/lib/server/review/targets";
import { requireRole } from "@/lib/server/session";

export const generateMetadata = titledBy("dashboard-title");

export default async function DashboardPage({ searchParams }: TPageSearch) {
  const viewer = await requireRole("/review/dashboard", canReview);
  const { after } = await readSearch(searchParams);
  const [{ t, formats }, data, struggling, values, pastTarget, held] = await Promise.all([
    getI18n(),
    dashboard(viewer),
    canAdminister(viewer.role) ? strugglingEndpoints(viewer) : Promise.resolve([]),
    activeGrantValues(viewer, after),
    pastTargetRequests(viewer),
    workload(viewer),
  ]);
  const who = (row: { organisation: string | null; contactName: string | null }) => row.organisation ?? row.contactName ?? "";
  const person = (user: { name: string | null; email: string | null } | null) => (user ? (user.name ?? user.email ?? "") : t("dashboard-nobody"));
  return (
    <div className="page">
      <p>
        <Link href="/review">{t("dashboard-to-queue")}</Link>
      </p>
      <h1>{t("dashboard-title")}</h1>
      <WebhookWarning endpoints={struggling} />
      <PastTargetRequests data={pastTarget} />

      <h2 id="overdue-title">{t("dashboard-overdue-title")}</h2>
      {data.overdue.count === 0 ? (
        <p>{t("dashboard-overdue-none")}</p>
      ) : (
        <>
          <p>{t("dashboard-overdue-count", data.overdue.count)}</p>
          <Table
            labelledBy="overdue-title"
            columns={[t("queue-col-reference"), t("dashboard-col-requester"), t("dashboard-col-due"), t("dashboard-col-overdue")]}
          >
            {data.overdue.rows.map((row) => (
              <tr key={row.id}>
                <RequestCells id={row.request.id} reference={row.request.reference} who={who(row.request)} />
                <td>{shortDate(row.dueAt, formats)}</td>
                <td>{t("dashboard-days", daysBetween(row.dueAt, data.now))}</td>
              </tr>
            ))}
          </Table>
        </>
      )}

      <h2 id="expiring-title">{t("dashboard-expiring-title", EXPIRING_WITHIN_DAYS)}</h2>
      {data.expiring.length === 0 ? (
        <p>{t("dashboard-expiring-none", EXPIRING_WITHIN_DAYS)}</p>
      ) : (
        <Table
          labelledBy="expiring-title"
          columns={[t("queue-col-reference"), t("dashboard-col-requester"), t("dashboard-col-expires"), t("dashboard-col-days-left")]}
        >
          {data.expiring.map((row) => (
            <tr key={row.id}>
              <RequestCells id={row.id} reference={row.reference} who={who(row)} />
              <td>{row.expiresAt ? shortDate(row.expiresAt, formats) : ""}</td>
              <td>{row.expiresAt ? formatNumber(Math.ceil((row.expiresAt.getTime() - data.now.getTime()) / DAY_MS), formats) : ""}</td>
            </tr>
          ))}
        </Table>
      )}

      <ActiveGrantValues values={values} nextHref={values.next ? `/review/dashboard?after=${values.next}#active-value-title` : undefined} />

      <h2 id="waiting-title">{t("dashboard-waiting-title")}</h2>
      {data.waiting.length === 0 ? (
        <p>{t("dashboard-waiting-none")}</p>
      ) : (
        <Table
          labelledBy="waiting-title"
          columns={[t("queue-col-reference"), t("dashboard-col-requester"), t("dashboard-col-status"), t("dashboard-col-waiting"), t("queue-col-assignee")]}
        >
          {data.waiting.map((row) => (
            <tr key={row.id}>
              <RequestCells id={row.id} reference={row.reference} who={who(row)} />
              <td>
                <RequestStatusTag status={row.status} />
              </td>
              <td>{row.submittedAt ? t("dashboard-days", daysBetween(row.submittedAt, data.now)) : ""}</td>
              <td>{person(row.assignee)}</td>
            </tr>
          ))}
        </Table>
      )}

      <WorkloadTable data={held} />
    </div>
  );
}

/** The first cells of every dashboard row: the request, linked, and who asked. */
function RequestCells({ id, reference, who }: { id: string; reference: string | null; who: string }) {
  return (
    <>
      <td>
        <Link href={`/review/${id}`}>
          <Reference>{reference}</Reference>
        </Link>
      </td>
      <td>{who}</td>
    </>
  );
}

/** For admins: the webhook endpoints whose deliveries failed or keep failing, each linked to its page. */
async function WebhookWarning({ endpoints }: { endpoints: TStrugglingEndpoint[] }) {
  if (endpoints.length === 0) return null;
  const { t } = await getI18n();
  return (
    <section className="notice notice--warning" aria-labelledby="webhooks-warning-title">
      <h2 id="webhooks-warning-title">{t("dashboard-webhooks-title")}</h2>
      <p>{t("dashboard-webhooks-intro")}</p>
      <ul>
        {endpoints.map((endpoint) => (
          <li key={endpoint.id}>
            <Link href={`/admin/webhooks/${endpoint.id}`} className="break-anywhere" dir="ltr">
              {endpoint.url}
            </Link>
            {": "}
            {[
              endpoint.failed > 0 ? t("dashboard-webhooks-failed", endpoint.failed) : null,
              endpoint.retrying > 0 ? t("dashboard-webhooks-retrying", endpoint.retrying, STRUGGLING_ATTEMPTS) : null,
            ]
              .filter(Boolean)
              .join("; ")}
          </li>
        ))}
      </ul>
    </section>
  );
}
