import { ImportFileForm } from "@/components/admin/import-file-form";
import { ImportRecordForm } from "@/components/admin/import-record-form";
import { ClientMessages } from "@/components/ui/client-messages";
import { PageHeading } from "@/components/ui/page-heading";
import { cellLabel, Table } from "@/components/ui/table";
import { IMPORT_COLUMNS } from "@/lib/domain/import/record";
import { canAdminister } from "@/lib/domain/roles";
import { ADMIN_MESSAGES } from "@/lib/i18n/client-messages";
import { getI18n, titledBy } from "@/lib/i18n/server";
import type { TMessageKey, TTranslate } from "@/lib/i18n/translator";
import { SECTION_IDS } from "@/lib/domain/request/sections";
import { SECTION_TITLE } from "@/lib/i18n/labels";
import { requireRole } from "@/lib/server/session";

import { importFileAction, importRecordAction } from "./actions";

export const generateMetadata = titledBy("admin-imports-title");

/** What each column of an import file holds, as the page documents it. */
const COLUMN_HELP: Partial<Record<string, TMessageKey>> = {
  external_id: "admin-imports-col-external-id",
  requester_email: "admin-imports-col-requester-email",
  requester_name: "admin-imports-col-requester-name",
  requester_kind: "admin-imports-col-requester-kind",
  organisation: "admin-imports-col-organisation",
  enterprise_username: "admin-imports-col-enterprise-username",
  received_on: "admin-imports-col-received-on",
  decided_on: "admin-imports-col-decided-on",
  outcome: "admin-imports-col-outcome",
  decided_by: "admin-imports-col-decided-by",
  message: "admin-imports-col-message",
  apis: "admin-imports-col-apis",
  on_demand_per_month: "admin-imports-col-on-demand-per-month",
  snapshot_frequency: "admin-imports-col-snapshot-frequency",
  starts_on: "admin-imports-col-starts-on",
  expires_on: "admin-imports-col-expires-on",
  register_consent: "admin-imports-col-register-consent",
  public_name: "admin-imports-col-public-name",
  public_summary: "admin-imports-col-public-summary",
};

/** What a column holds; an answer's column names its criterion. */
function columnHelp(t: TTranslate, column: string) {
  const help = COLUMN_HELP[column];
  if (help) return t(help);
  const section = SECTION_IDS.find((id) => column === `answer_${id}`);
  return section ? t("admin-imports-col-answer", t(SECTION_TITLE[section])) : "";
}

export default async function AdminImportsPage() {
  await requireRole("/admin/imports", canAdminister);
  const { t } = await getI18n();
  return (
    <ClientMessages set={ADMIN_MESSAGES.imports}>
      <div className="page">
        <PageHeading title="admin-imports-title" lead="admin-imports-intro" />
        <section aria-labelledby="import-file" className="panel">
          <h2 id="import-file">{t("admin-imports-file-title")}</h2>
          <p>{t("admin-imports-file-body")}</p>
          <p>
            <a href="/admin/imports/template.csv" download>
              {t("admin-imports-template")}
            </a>
          </p>
          <ImportFileForm action={importFileAction} />
        </section>
        <section aria-labelledby="import-record" className="panel">
          <h2 id="import-record">{t("admin-imports-record-title")}</h2>
          <p>{t("admin-imports-record-body")}</p>
          <ImportRecordForm action={importRecordAction} />
        </section>
        <h2>{t("admin-imports-columns-title")}</h2>
        <Table caption={t("admin-imports-columns-caption")} columns={[t("admin-imports-column"), t("admin-imports-column-meaning")]} stacked>
          {IMPORT_COLUMNS.map(({ column }) => (
            <tr key={column}>
              <td {...cellLabel(t("admin-imports-column"))}>
                <code>{column}</code>
              </td>
              <td {...cellLabel(t("admin-imports-column-meaning"))}>{columnHelp(t, column)}</td>
            </tr>
          ))}
        </Table>
      </div>
    </ClientMessages>
  );
}
