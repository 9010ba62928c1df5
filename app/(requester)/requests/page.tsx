import Link from "next/link";
import { Done } from "@/components/ui/notice";

import { RequestStatusTag } from "@/components/request/status-tag";
import { Reference } from "@/components/ui/reference";
import { Table } from "@/components/ui/table";
import { Pagination } from "@/components/ui/pagination";
import { shortDateTime } from "@/lib/i18n/format";
import { getI18n, titledBy } from "@/lib/i18n/server";
import { listOwnRequests } from "@/lib/server/requests";
import { requireViewer } from "@/lib/server/session";

export const generateMetadata = titledBy("requests-title");

export default async function RequestsPage({ searchParams }: { searchParams: Promise<{ after?: string; deleted?: string }> }) {
  const viewer = await requireViewer("/requests");
  const [{ t, formats }, params] = await Promise.all([getI18n(), searchParams]);
  const { requests, next } = await listOwnRequests(viewer, params.after);
  return (
    <div className="page">
      <h1>{t("requests-title")}</h1>
      {params.deleted ? <Done>{t("requests-deleted")}</Done> : null}
      <p>
        <Link className="button button--primary" href="/requests/new">
          {t("requests-start-new")}
        </Link>
      </p>
      {requests.length === 0 && !params.after ? (
        <>
          <p className="lead">{t("requests-none")}</p>
          <p>
            <Link href="/">{t("requests-how-it-works")}</Link>
          </p>
        </>
      ) : (
        <Table caption={t("requests-caption")} columns={[t("requests-col-request"), t("requests-col-status"), t("requests-col-changed")]}>
          {requests.map((request) => {
            const who = request.answers.who;
            const name = [who?.organisation, who?.contactName].find((value) => typeof value === "string" && value.trim());
            return (
              <tr key={request.id}>
                <td>
                  <Link href={`/requests/${request.id}`}>{request.reference ? <Reference>{request.reference}</Reference> : t("requests-draft-label")}</Link>
                  {name ? (
                    <div className="hint">
                      <bdi>{String(name)}</bdi>
                    </div>
                  ) : null}
                </td>
                <td>
                  <RequestStatusTag status={request.shown} />
                </td>
                <td>{shortDateTime(request.updatedAt, formats)}</td>
              </tr>
            );
          })}
        </Table>
      )}
      <Pagination firstHref={params.after ? "/requests" : undefined} nextHref={next ? `/requests?after=${encodeURIComponent(next)}` : undefined} />
      <p className="hint">
        {t("requests-your-data")} <Link href="/account">{t("nav-account")}</Link>
      </p>
    </div>
  );
}
