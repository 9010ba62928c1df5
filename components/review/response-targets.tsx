import Link from "next/link";

import { RequestStatusTag } from "@/components/request/status-tag";
import { Reference } from "@/components/ui/reference";
import { cellLabel, Table } from "@/components/ui/table";
import { PAST_TARGET_LABEL } from "@/lib/domain/review/targets";
import { getI18n } from "@/lib/i18n/server";
import type { TMessageKey } from "@/lib/i18n/translator";
import type { TTimedRequest, TWorkload, pastTargetRequests } from "@/lib/server/review/targets";

const HELD_STATUS_LABEL: Record<keyof TWorkload["byStatus"], TMessageKey> = {
  SUBMITTED: "queue-view-new",
  IN_REVIEW: "queue-view-in-review",
  AWAITING_REQUESTER: "queue-view-awaiting",
};

const who = (row: TTimedRequest) => row.organisation ?? row.contactName ?? "";

/** The open requests past a response-time target, listed first on the dashboard: the decision target first, then the longest waits. */
export async function PastTargetRequests({ data }: { data: Awaited<ReturnType<typeof pastTargetRequests>> }) {
  const { t } = await getI18n();
  const columns = [
    t("queue-col-reference"),
    t("dashboard-col-requester"),
    t("dashboard-col-status"),
    t("dashboard-col-waited"),
    t("dashboard-col-target"),
    t("queue-col-assignee"),
  ] as const;
  return (
    <section aria-labelledby="past-target-title">
      <h2 id="past-target-title">{t("dashboard-past-target-title")}</h2>
      <p>{t("dashboard-past-target-intro", data.targets.firstActionDays, data.targets.decisionDays)}</p>
      {data.rows.length === 0 ? (
        <p>{t("dashboard-past-target-none")}</p>
      ) : (
        <Table stacked labelledBy="past-target-title" columns={columns}>
          {data.rows.map((row) => (
            <tr key={row.id} data-testid="past-target-row">
              <td {...cellLabel(columns[0])}>
                <Link href={`/review/${row.id}`}>
                  <Reference>{row.reference}</Reference>
                </Link>
              </td>
              <td {...cellLabel(columns[1])}>{who(row)}</td>
              <td {...cellLabel(columns[2])}>
                <RequestStatusTag status={row.status} />
              </td>
              <td {...cellLabel(columns[3])}>{t("dashboard-days", row.waitedDays)}</td>
              <td {...cellLabel(columns[4])}>{row.pastTarget ? <span className="tag tag--error">{t(PAST_TARGET_LABEL[row.pastTarget])}</span> : null}</td>
              <td {...cellLabel(columns[5])}>{row.assignee ? (row.assignee.name ?? row.assignee.email) : t("dashboard-nobody")}</td>
            </tr>
          ))}
        </Table>
      )}
      {data.more > 0 ? <p>{t("dashboard-past-target-more", data.more)}</p> : null}
    </section>
  );
}

/** Per reviewer, the open requests they hold, by status, each with how long it has waited for reviewers. */
export async function WorkloadTable({ data }: { data: { reviewers: TWorkload[]; truncated: boolean } }) {
  const { t } = await getI18n();
  const statuses = Object.keys(HELD_STATUS_LABEL) as (keyof TWorkload["byStatus"])[];
  const columns = [t("dashboard-workload-col-reviewer"), ...statuses.map((status) => t(HELD_STATUS_LABEL[status]))];
  return (
    <section aria-labelledby="workload-title">
      <h2 id="workload-title">{t("dashboard-workload-title")}</h2>
      <p>{t("dashboard-workload-intro")}</p>
      {data.reviewers.length === 0 ? (
        <p>{t("dashboard-workload-none")}</p>
      ) : (
        <Table stacked labelledBy="workload-title" columns={columns}>
          {data.reviewers.map(({ reviewer, byStatus }) => (
            <tr key={reviewer.id} data-testid="workload-row">
              <th scope="row" {...cellLabel(columns[0] ?? "")}>
                {reviewer.name}
              </th>
              {statuses.map((status, index) => (
                <td key={status} {...cellLabel(columns[index + 1] ?? "")}>
                  {byStatus[status].length === 0 ? (
                    <span className="hint">{t("dashboard-workload-none-held")}</span>
                  ) : (
                    <ul className="workload-list">
                      {byStatus[status].map((request) => (
                        <li key={request.id}>
                          <Link href={`/review/${request.id}`}>
                            <Reference>{request.reference}</Reference>
                          </Link>{" "}
                          {t("dashboard-workload-waited", request.waitedDays)}
                          {request.pastTarget ? (
                            <>
                              {" "}
                              <span className="tag tag--error">{t(PAST_TARGET_LABEL[request.pastTarget])}</span>
                            </>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </Table>
      )}
      {data.truncated ? <p>{t("dashboard-workload-truncated")}</p> : null}
    </section>
  );
}
