import { ApprovalPolicyForm } from "@/components/admin/approval-policy-form";
import { PageHeading } from "@/components/ui/page-heading";
import { cellLabel, Table } from "@/components/ui/table";
import { APPROVAL_REASON_LABEL, policyRules, type TApprovalPolicy } from "@/lib/domain/review/approval";
import { canAdminister } from "@/lib/domain/roles";
import { formatMoney, shortDateTime } from "@/lib/i18n/format";
import { getI18n, titledBy } from "@/lib/i18n/server";
import type { TTranslate } from "@/lib/i18n/translator";
import { approvalPolicyPage } from "@/lib/server/admin/approvals";
import { requireRole } from "@/lib/server/session";

import { saveApprovalPolicyAction } from "./actions";
import { ClientMessages } from "@/components/ui/client-messages";
import { ADMIN_MESSAGES } from "@/lib/i18n/client-messages";

export const generateMetadata = titledBy("admin-approvals-title");

/** A policy in words: its rules, the value rule with its limit, or that one reviewer decides. */
function rulesText(t: TTranslate, formats: string, policy: TApprovalPolicy) {
  const rules = policyRules(policy);
  if (rules.length === 0) return t("admin-approvals-none");
  return rules
    .map((rule) =>
      rule === "above_value" ? t("admin-approvals-above-value", formatMoney(policy.approvalAboveCents ?? 0, formats)) : t(APPROVAL_REASON_LABEL[rule]),
    )
    .join("; ");
}

export default async function AdminApprovalsPage() {
  const viewer = await requireRole("/admin/approvals", canAdminister);
  const [{ t, formats }, { policy, changes }] = await Promise.all([getI18n(), approvalPolicyPage(viewer)]);
  const columns = [t("admin-approvals-col-when"), t("admin-approvals-col-who"), t("admin-approvals-col-rules")] as const;
  return (
    <ClientMessages set={ADMIN_MESSAGES.approvals}>
      <div className="page narrow">
        <PageHeading title="admin-approvals-title" lead="admin-approvals-intro" />
        <p data-testid="approvals-in-force">
          <strong>{t("admin-approvals-in-force")}</strong> {rulesText(t, formats, policy)}
        </p>
        <ApprovalPolicyForm
          action={saveApprovalPolicyAction}
          version={policy.version}
          rules={policyRules(policy)}
          aboveAmount={policy.approvalAboveCents === null ? "" : (policy.approvalAboveCents / 100).toFixed(2)}
        />
        <h2 id="approvals-changes">{t("admin-approvals-changes-title")}</h2>
        <Table stacked labelledBy="approvals-changes" columns={columns} empty={t("admin-approvals-changes-none")}>
          {changes.map((change) => (
            <tr key={change.id}>
              <td {...cellLabel(columns[0])}>{shortDateTime(change.at, formats)}</td>
              <td {...cellLabel(columns[1])}>{change.by ?? t("admin-costs-removed-person")}</td>
              <td {...cellLabel(columns[2])}>{change.after ? rulesText(t, formats, change.after) : ""}</td>
            </tr>
          ))}
        </Table>
      </div>
    </ClientMessages>
  );
}
