import type { Metadata } from "next";
import Link from "next/link";

import { RequestStatusTag } from "@/components/apply/status-tag";
import { canReview } from "@/lib/domain/roles";
import { DAY_MS, daysBetween } from "@/lib/domain/time";
import { getI18n } from "@/lib/i18n/server";
import { fullTitle } from "@/lib/i18n/title";
import { dashboard, EXPIRING_WITHIN_DAYS } from "@/lib/server/review/dashboard";
import { requireRole } from "@/lib/server/session";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: fullTitle(t, t("dashboard-title")) };
}

export default async function DashboardPage() {
  const viewer = await requireRole("/review/dashboard", canReview);
  const [{ t, formats }, data] = await Promise.all([getI18n(), dashboard(viewer)]);
  const dates = new Intl.DateTimeFormat(formats, { dateStyle: "medium", timeZone: "UTC" });
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
        <div className="table-wrap">
          <table className="table" aria-labelledby="expiring-title">
            <thead>
              <tr>
                <th scope="col">{t("queue-col-reference")}</th>
                <th scope="col">{t("dashboard-col-requester")}</th>
                <th scope="col">{t("dashboard-col-expires")}</th>
                <th scope="col">{t("dashboard-col-days-left")}</th>
              </tr>
            </thead>
            <tbody>
              {data.expiring.map((row) => (
                <tr key={row.id}>
                  <td>
                    <Link href={`/review/${row.id}`}>{row.reference}</Link>
                  </td>
                  <td>{who(row)}</td>
                  <td>{row.expiresAt ? dates.format(row.expiresAt) : ""}</td>
                  <td>{row.expiresAt ? Math.ceil((row.expiresAt.getTime() - data.now.getTime()) / DAY_MS).toLocaleString(formats) : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2 id="waiting-title">{t("dashboard-waiting-title")}</h2>
      {data.waiting.length === 0 ? (
        <p>{t("dashboard-waiting-none")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" aria-labelledby="waiting-title">
            <thead>
              <tr>
                <th scope="col">{t("queue-col-reference")}</th>
                <th scope="col">{t("dashboard-col-requester")}</th>
                <th scope="col">{t("dashboard-col-status")}</th>
                <th scope="col">{t("dashboard-col-waiting")}</th>
                <th scope="col">{t("queue-col-assignee")}</th>
              </tr>
            </thead>
            <tbody>
              {data.waiting.map((row) => (
                <tr key={row.id}>
                  <td>
                    <Link href={`/review/${row.id}`}>{row.reference}</Link>
                  </td>
                  <td>{who(row)}</td>
                  <td>
                    <RequestStatusTag status={row.status} />
                  </td>
                  <td>{row.submittedAt ? t("dashboard-days", daysBetween(row.submittedAt, data.now)) : ""}</td>
                  <td>{person(row.assignee)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
