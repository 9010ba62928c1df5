import type { ReactNode } from "react";

import { longDate } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import type { TInterest } from "@/lib/domain/permissions";

type TDeclaration = {
  reason: string | null;
  declaredAt: Date;
  liftedAt: Date | null;
  liftReason: string | null;
  liftedBy: { name: string | null; email: string | null } | null;
} | null;

/**
 * Where the viewer stands on the request's conflicts of interest, with the form to declare when
 * there is one to fill. `inline`: once declared, a few lines under the request's summary, not a panel.
 */
export async function InterestPanel({
  interest,
  declaration,
  form,
  inline,
}: {
  interest: TInterest;
  declaration: TDeclaration;
  form?: ReactNode;
  inline?: boolean;
}) {
  const { t, formats } = await getI18n();
  return (
    <section className={inline ? "interest-line no-print" : "panel no-print"} aria-labelledby="interest-heading">
      <h2 id="interest-heading" className={inline ? "visually-hidden" : undefined}>
        {t("conflict-title")}
      </h2>
      {interest === "undeclared" ? <p>{t("conflict-intro")}</p> : null}
      {interest === "none" && declaration ? <p>{t("conflict-declared-none", longDate(declaration.declaredAt, formats))}</p> : null}
      {interest === "conflict" && declaration ? (
        <div className="notice notice--warning">
          <p>{t("conflict-declared", longDate(declaration.declaredAt, formats))}</p>
          <p className="pre-line">{declaration.reason}</p>
          <p>{t("conflict-declared-effect")}</p>
        </div>
      ) : null}
      {interest === "lifted" && declaration?.liftedAt ? (
        <>
          <p>
            {t("conflict-lifted", longDate(declaration.liftedAt, formats), declaration.liftedBy?.name ?? declaration.liftedBy?.email ?? t("history-system"))}
          </p>
          <p className="pre-line">{declaration.liftReason}</p>
        </>
      ) : null}
      {form}
    </section>
  );
}
