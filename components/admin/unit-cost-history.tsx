import { cellLabel, Table } from "@/components/ui/table";
import { type TUnitCostKind, UNIT_COST_KINDS, UNIT_COST_LABEL } from "@/lib/domain/in-kind-value";
import { formatMoney, shortDate, shortDateTime } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import type { TUnitCostRow } from "@/lib/server/admin/unit-costs";

/** Each kind's price today and every price it has had or will have, newest first. */
export async function UnitCostHistory({ prices, today }: { prices: Record<TUnitCostKind, TUnitCostRow[]>; today: string }) {
  const { t, formats } = await getI18n();
  const columns = [t("admin-costs-col-from"), t("admin-costs-col-amount"), t("admin-costs-col-added")] as const;
  return UNIT_COST_KINDS.map((kind) => {
    const rows = prices[kind];
    const current = rows.find((row) => row.validFrom <= today);
    const headingId = `costs-${kind}`;
    return (
      <section key={kind} className="unit-cost-kind" aria-labelledby={headingId}>
        <h3 id={headingId}>{t(UNIT_COST_LABEL[kind])}</h3>
        <p data-testid={`current-${kind}`}>
          {current ? t("admin-costs-current", formatMoney(current.amountCents, formats), shortDate(current.validFrom, formats)) : t("admin-costs-none")}
        </p>
        {rows.length > 0 ? (
          <Table stacked labelledBy={headingId} columns={columns}>
            {rows.map((row) => (
              <tr key={row.id}>
                <td {...cellLabel(columns[0])}>
                  {shortDate(row.validFrom, formats)}
                  {row.validFrom > today ? ` ${t("admin-costs-upcoming")}` : null}
                </td>
                <td {...cellLabel(columns[1])}>{formatMoney(row.amountCents, formats)}</td>
                <td {...cellLabel(columns[2])}>
                  {t("admin-costs-added-by", shortDateTime(row.createdAt, formats), row.createdBy ?? t("admin-costs-removed-person"))}
                </td>
              </tr>
            ))}
          </Table>
        ) : null}
      </section>
    );
  });
}
