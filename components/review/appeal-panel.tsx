import { AddedSections } from "@/components/request/appeal-additions";
import { type TPermissionViewer, refusalOf } from "@/lib/domain/permissions";
import type { TRequestStatus } from "@/lib/domain/request/lifecycle";
import { appealDecisionEvent } from "@/lib/domain/review/appeals";
import { longDate } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import type { appealOf } from "@/lib/server/appeals";

import { AppealDecisionForm } from "./appeal-decision-form";
import type { TAction } from "./forms";

type TProps = {
  viewer: TPermissionViewer;
  request: { id: string; version: number; status: TRequestStatus; requesterId: string; joint: boolean };
  appeal: Awaited<ReturnType<typeof appealOf>>;
  action: TAction;
};

/** The text of the decision appealed against, as kept with the appeal: a decline's message, or the note of a withdrawal. */
function originalText(original: unknown): string {
  if (!original || typeof original !== "object") return "";
  const { message, endNote } = original as { message?: unknown; endNote?: unknown };
  return typeof message === "string" ? message : typeof endNote === "string" ? endNote : "";
}

/**
 * A request's appeal on its review page: what the requester wrote, and either its outcome or the
 * form to decide it, offered only to a WMF reviewer who took no part in the decision (anyone
 * else is told why not).
 */
export async function AppealPanel({ viewer, request, appeal: { appeal, permission }, action }: TProps) {
  if (!appeal || (appeal.fromStatus !== "DECLINED" && appeal.fromStatus !== "WITHDRAWN")) return null;
  const { t, formats } = await getI18n();
  const person = (user: { name: string | null; email: string | null } | null) => user?.name ?? user?.email ?? "";
  const refusal = refusalOf(viewer, { ...request, appeal: permission }, appealDecisionEvent(appeal.fromStatus, "uphold"));
  const original = originalText(appeal.original);
  return (
    <section className="panel" aria-labelledby="appeal-panel-title">
      <h2 id="appeal-panel-title">{t("review-appeal-title")}</h2>
      <p>{t(appeal.fromStatus === "WITHDRAWN" ? "review-appeal-against-withdrawal" : "review-appeal-against-decline", longDate(appeal.appealedAt, formats))}</p>
      {original ? (
        <>
          <h3>{t("review-appeal-original")}</h3>
          <p className="pre-line" dir="auto">
            {original}
          </p>
        </>
      ) : null}
      <h3>{t("review-appeal-statement")}</h3>
      <p className="pre-line" dir="auto">
        {appeal.statement}
      </p>
      <AddedSections additions={appeal.additions} t={t} />
      {appeal.additionalInformation ? (
        <>
          <h3>{t("review-appeal-additional")}</h3>
          <p className="pre-line" dir="auto">
            {appeal.additionalInformation}
          </p>
        </>
      ) : null}
      {appeal.outcome && appeal.decidedAt ? (
        <>
          <p className="notice">
            {t(
              appeal.outcome === "UPHELD" ? "review-appeal-upheld" : "review-appeal-overturned",
              longDate(appeal.decidedAt, formats),
              person(appeal.decidedBy),
            )}
          </p>
          <h3>{t("review-appeal-reasons")}</h3>
          <p className="pre-line" dir="auto">
            {appeal.reasons}
          </p>
        </>
      ) : refusal ? (
        <p className="notice notice--warning">{t(refusal)}</p>
      ) : (
        <AppealDecisionForm action={action} requestId={request.id} version={request.version} from={appeal.fromStatus} />
      )}
    </section>
  );
}
