import Link from "next/link";

import { RequestStatusTag } from "@/components/request/status-tag";
import { Reference } from "@/components/ui/reference";
import { Table } from "@/components/ui/table";
import { canReview } from "@/lib/domain/roles";
import { DAY_MS, daysBetween } from "@/lib/domain/time";
import { formatNumber, shortDate } from "@/lib/i18n/format";
import { getI18n, titledBy } from "@/lib/i18n/server";
import { dashboard, EXPIRING_WITHIN_DAYS } from "@/lib/server/review/dashboard";
import { requireRole } from "@/lib/server/session";

export const generateMetadata = titledBy("dashboard-title");

export default async function DashboardPage() {
  const viewer = await requireRole("/review/dashboard", canReview);
  const [{ t, formats }, data] = await Promise.all([getI18n(), dashboard(viewer)]);
  const who = (row: { organisation: string | null; contactName: string | null }) => row.organisation ?? row.contactName ?? "";
  const person = (user: { name: string | null; email: string | null } | null) => (user ? (user.name ?? user.email ?? "") : t("dashboard-nobody"));
  return (
    <div className="page">
      <p>
        <Link href="/review">{t("dashboard-to-queue")}</Link>
      </p>
      <h1>{t("dashboard-title")}</h1>

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
