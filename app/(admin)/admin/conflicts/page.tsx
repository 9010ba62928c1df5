import Link from "next/link";

import { LiftConflictForm } from "@/components/admin/lift-conflict-form";
import { Done } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { Pagination } from "@/components/ui/pagination";
import { Reference } from "@/components/ui/reference";
import { cellLabel, Table } from "@/components/ui/table";
import { canAdminister } from "@/lib/domain/roles";
import { readSearch, type TPageSearch } from "@/lib/domain/search-params";
import { shortDateTime } from "@/lib/i18n/format";
import { getI18n, titledBy } from "@/lib/i18n/server";
import { listDeclarations } from "@/lib/server/review/conflicts";
import { requireRole } from "@/lib/server/session";

import { liftConflictAction } from "./actions";
import { ClientMessages } from "@/components/ui/client-messages";
import { ADMIN_MESSAGES } from "@/lib/i18n/client-messages";

export const generateMetadata = titledBy("admin-conflicts-title");

const person = (user: { name: string | null; email: string | null } | null) => user?.name ?? user?.email ?? "";

/** Every reviewer's declaration of interest, conflicts first; a conflict still in force can be lifted with a reason. */
export default async function AdminConflictsPage({ searchParams }: TPageSearch) {
  const viewer = await requireRole("/admin/conflicts", canAdminister);
  const [{ t, formats }, params] = await Promise.all([getI18n(), readSearch(searchParams)]);
  const asked = Number(params.page);
  const page = Number.isSafeInteger(asked) && asked > 1 ? asked : 1;
  const { rows, pages } = await listDeclarations(viewer, page);
  const columns = [
    t("admin-conflicts-col-request"),
    t("admin-conflicts-col-reviewer"),
    t("admin-conflicts-col-declared"),
    t("admin-conflicts-col-declaration"),
    t("admin-conflicts-col-lifted"),
  ] as const;

  return (
    <ClientMessages set={ADMIN_MESSAGES.conflicts}>
      <div className="page">
        <PageHeading title="admin-conflicts-title" lead="admin-conflicts-intro" />
        {params.lifted ? <Done>{t("admin-conflicts-lifted")}</Done> : null}
        <Table caption={t("admin-conflicts-caption")} stacked columns={columns} empty={rows.length === 0 ? t("admin-conflicts-none") : undefined}>
          {rows.map((row) => (
            <tr key={row.id}>
              <td {...cellLabel(columns[0])}>
                <Link href={`/review/${row.request.id}`}>
                  <Reference>{row.request.reference}</Reference>
                </Link>
              </td>
              <td {...cellLabel(columns[1])}>{person(row.reviewer)}</td>
              <td {...cellLabel(columns[2])}>{shortDateTime(row.declaredAt, formats)}</td>
              <td {...cellLabel(columns[3])}>
                {row.hasConflict ? (
                  <>
                    <span className="tag tag--error">{t("admin-conflicts-conflict")}</span>
                    <span className="pre-line"> {row.reason}</span>
                  </>
                ) : (
                  t("admin-conflicts-no-conflict")
                )}
              </td>
              <td {...cellLabel(columns[4])}>
                {row.liftedAt ? (
                  <>
                    {t("admin-conflicts-lifted-by", person(row.liftedBy), shortDateTime(row.liftedAt, formats))}
                    <span className="pre-line"> {row.liftReason}</span>
                  </>
                ) : row.hasConflict && row.reviewer.id !== viewer.id ? (
                  <LiftConflictForm
                    action={liftConflictAction}
                    declarationId={row.id}
                    label={t("admin-conflicts-lift-label", person(row.reviewer), row.request.reference ?? "")}
                  />
                ) : null}
              </td>
            </tr>
          ))}
        </Table>
        <Pagination firstHref={page > 1 ? "/admin/conflicts" : undefined} nextHref={page < pages ? `/admin/conflicts?page=${page + 1}` : undefined} />
      </div>
    </ClientMessages>
  );
}
