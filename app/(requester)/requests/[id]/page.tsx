import type { Metadata } from "next";
import Link from "next/link";

import { AnswersSummary } from "@/components/apply/answers-summary";
import { RequestStatusTag } from "@/components/apply/status-tag";
import { TaskList } from "@/components/apply/task-list";
import { Timeline } from "@/components/apply/timeline";
import { requesterMayCancel } from "@/lib/domain/request/lifecycle";
import { incompleteSections, SECTION_IDS } from "@/lib/domain/request/sections";
import { getI18n } from "@/lib/i18n/server";
import { fullTitle } from "@/lib/i18n/title";
import { today } from "@/lib/server/clock";
import { loadOwnRequest } from "@/lib/server/pages";
import { requesterTimeline } from "@/lib/server/requests";

type Params = { params: Promise<{ id: string }>; searchParams: Promise<{ cancelled?: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { t } = await getI18n();
  const { request } = await loadOwnRequest((await params).id);
  return { title: fullTitle(t, request.reference ?? t("request-draft-title")) };
}

export default async function RequestPage({ params, searchParams }: Params) {
  const [{ id }, query, { t, locale }] = await Promise.all([params, searchParams, getI18n()]);
  const { viewer, request } = await loadOwnRequest(id);
  const day = today();

  if (request.status === "DRAFT") {
    const remaining = incompleteSections(request.answers, day).length;
    return (
      <div className="page narrow">
        <h1>{t("request-draft-title")}</h1>
        <p className="lead">{t("request-draft-intro")}</p>
        <p>{t("request-draft-progress", SECTION_IDS.length - remaining, SECTION_IDS.length)}</p>
        <TaskList requestId={request.id} answers={request.answers} today={day} />
        <h2>{t("request-draft-submit-heading")}</h2>
        {remaining === 0 ? (
          <p>
            <Link className="button button--primary" href={`/requests/${request.id}/check`}>
              {t("request-draft-check")}
            </Link>
          </p>
        ) : (
          <p>{t("request-draft-not-ready")}</p>
        )}
        <p>
          <Link href={`/requests/${request.id}/delete`}>{t("request-draft-delete")}</Link>
        </p>
      </div>
    );
  }

  const timeline = await requesterTimeline(viewer, request.id);
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: "long" });
  return (
    <div className="page">
      <h1>{t("request-title", request.reference ?? "")}</h1>
      {query.cancelled ? (
        <p className="notice notice--success" role="status">
          {t("request-cancelled-notice")}
        </p>
      ) : null}
      <p>
        <RequestStatusTag status={request.status} />{" "}
        {request.submittedAt ? t("request-submitted-on", dates.format(request.submittedAt)) : null}
      </p>
      <h2>{t("timeline-title")}</h2>
      <Timeline entries={timeline} />
      {requesterMayCancel(request.status) ? (
        <p>
          <Link href={`/requests/${request.id}/cancel`}>{t("request-cancel-link")}</Link>
        </p>
      ) : null}
      <h2>{t("request-answers-title")}</h2>
      <AnswersSummary answers={request.answers} today={day} headingLevel={3} />
    </div>
  );
}
