import Link from "next/link";

import { Reference } from "@/components/ui/reference";
import { cellLabel, Table } from "@/components/ui/table";
import { formatMoney, formatNumber, shortDate } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import { answerLabel, USE_CASE_LABEL } from "@/lib/i18n/check-in-labels";
import type { TActiveGrantValue, TActiveGrantValues } from "@/lib/server/review/grant-values";

/**
 * What the grants active today are worth a month, in all and one by one (soonest expiry first, a
 * page at a time), with whether each is still in use by its last check-in (or late with one) and
 * what the movement got back of the contributions promised.
 */
export async function ActiveGrantValues({ values, nextHref }: { values: TActiveGrantValues; nextHref?: string }) {
  const { t, formats } = await getI18n();
  const money = (cents: number) => formatMoney(cents, formats);
  const columns = [
    t("queue-col-reference"),
    t("dashboard-col-requester"),
    t("dashboard-col-expires"),
    t("dashboard-value-col-month"),
    t("dashboard-value-col-term"),
    t("dashboard-col-last-check-in"),
    t("dashboard-col-contributions"),
  ] as const;
  const lastCheckIn = (grant: TActiveGrantValue) => {
    if (grant.overdue) return <span className="tag tag--warning">{t("check-in-overdue")}</span>;
    const last = grant.followUp.lastCheckIn;
    if (!last) return t("dashboard-check-in-none");
    const key = last.useCase ? answerLabel(USE_CASE_LABEL, last.useCase) : undefined;
    const useCase = key ? t(key) : (last.useCase ?? "");
    return t("dashboard-check-in-answered", useCase, shortDate(last.answeredAt, formats));
  };
  const delivered = ({ followUp: { contributions } }: TActiveGrantValue) =>
    contributions.promised === 0
      ? t("dashboard-contributions-none")
      : t("dashboard-contributions-delivered", formatNumber(contributions.delivered, formats), formatNumber(contributions.promised, formats));
  return (
    <section aria-labelledby="active-value-title">
      <h2 id="active-value-title">{t("dashboard-value-title")}</h2>
      <p data-testid="active-value-total">{t("dashboard-value-total", values.count, money(values.monthlyCents))}</p>
      {values.incomplete > 0 ? <p className="notice notice--warning">{t("dashboard-value-incomplete", values.incomplete)}</p> : null}
      {values.grants.length > 0 ? (
        <Table stacked numbers labelledBy="active-value-title" columns={columns}>
          {values.grants.map((grant) => (
            <tr key={grant.id}>
              <td {...cellLabel(columns[0])}>
                <Link href={`/review/${grant.id}`}>
                  <Reference>{grant.reference}</Reference>
                </Link>
              </td>
              <td {...cellLabel(columns[1])}>{grant.who}</td>
              <td {...cellLabel(columns[2])}>{shortDate(grant.expiresAt, formats)}</td>
              <td {...cellLabel(columns[3])}>
                {money(grant.monthlyCents)}
                {grant.incomplete ? ` ${t("dashboard-value-partial")}` : null}
              </td>
              <td {...cellLabel(columns[4])}>{money(grant.termCents)}</td>
              <td {...cellLabel(columns[5])}>{lastCheckIn(grant)}</td>
              <td {...cellLabel(columns[6])}>{delivered(grant)}</td>
            </tr>
          ))}
        </Table>
      ) : null}
      {nextHref ? (
        <p>
          <Link href={nextHref}>{t("dashboard-value-more")}</Link>
        </p>
      ) : null}
    </section>
  );
}
