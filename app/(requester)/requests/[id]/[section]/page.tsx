import Link from "next/link";
import { notFound, redirect } from "next/navigation";

import { SECTION_TITLE } from "@/lib/i18n/labels";
import { SectionForm } from "@/components/apply/section-form";

import { saveSectionAction } from "../actions";
import { contextOf, isSectionId, SECTION_IDS, type TSectionId } from "@/lib/domain/request/sections";
import { getI18n } from "@/lib/i18n/server";
import type { TMessageKey } from "@/lib/i18n/translator";
import { today } from "@/lib/server/clock";
import { loadOwnRequest } from "@/lib/server/pages";
import { editableSections } from "@/lib/server/requests";
import { ClientMessages } from "@/components/ui/client-messages";
import { sectionFormMessages } from "@/lib/i18n/client-messages";
import { sectionFields } from "@/components/request/section-spec";

type Params = { params: Promise<{ id: string; section: string }>; searchParams: Promise<{ from?: string }> };

const GUIDANCE: Record<TSectionId, { intro: TMessageKey; guidance: TMessageKey[] }> = {
  who: { intro: "section-who-intro", guidance: ["section-who-guidance-1", "section-who-guidance-2"] },
  what: { intro: "section-what-intro", guidance: ["section-what-guidance-1", "section-what-guidance-2"] },
  need: { intro: "section-need-intro", guidance: ["section-need-guidance-1", "section-need-guidance-2"] },
  obligation: { intro: "section-obligation-intro", guidance: ["section-obligation-guidance-1", "section-obligation-guidance-2"] },
  mission: { intro: "section-mission-intro", guidance: ["section-mission-guidance-1", "section-mission-guidance-2"] },
  values: { intro: "section-values-intro", guidance: ["section-values-guidance-1", "section-values-guidance-2"] },
};

export default async function SectionPage({ params, searchParams }: Params) {
  const [{ id, section }, query, { t, formats }] = await Promise.all([params, searchParams, getI18n()]);
  if (!isSectionId(section)) notFound();
  const { request } = await loadOwnRequest(id);
  if (!(await editableSections(request)).includes(section)) redirect(`/requests/${request.id}`);
  const position = SECTION_IDS.indexOf(section) + 1;
  const { intro, guidance } = GUIDANCE[section];
  const context = contextOf(request.answers, today());
  return (
    <div className="page">
      <p>
        <Link href={query.from === "check" ? `/requests/${request.id}/check` : `/requests/${request.id}`}>{t("apply-back")}</Link>
      </p>
      {/* The help comes before the questions and their buttons; beside them on a wide screen. */}
      <div className="question-layout">
        <div className="question-layout__head">
          <span className="caption">{t("apply-section-of", position, SECTION_IDS.length)}</span>
          <h1>{t(SECTION_TITLE[section])}</h1>
          <p className="lead">{t(intro)}</p>
        </div>
        <aside className="question-layout__aside" aria-labelledby="guidance-title">
          <h2 id="guidance-title">{t("apply-guidance-title")}</h2>
          {guidance.map((key) => (
            <p key={key}>{t(key)}</p>
          ))}
        </aside>
        <div className="question-layout__main">
          <ClientMessages set={sectionFormMessages(section, context)}>
            <SectionForm
              action={saveSectionAction}
              requestId={request.id}
              section={section}
              fields={sectionFields(section, context)}
              version={request.version}
              saved={request.answers[section] ?? {}}
              context={context}
              returnTo={query.from === "check" ? "check" : undefined}
              locale={formats}
            />
          </ClientMessages>
        </div>
      </div>
    </div>
  );
}
