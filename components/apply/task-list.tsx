import Link from "next/link";

import { SECTION_IDS, sectionStatus, type TDraftAnswers } from "@/lib/domain/request/sections";
import { getI18n } from "@/lib/i18n/server";
import type { TMessageKey } from "@/lib/i18n/translator";

import { SECTION_TITLE } from "@/lib/i18n/labels";
import { SectionStatusTag } from "@/components/request/status-tag";

const SECTION_SUMMARY: Record<(typeof SECTION_IDS)[number], TMessageKey> = {
  who: "start-criterion-who",
  what: "start-criterion-what",
  need: "start-criterion-need",
  obligation: "start-criterion-obligation",
  mission: "start-criterion-mission",
  values: "start-criterion-values",
};

/** The six sections with their status; each links to its questions. */
export async function TaskList({ requestId, answers, today }: { requestId: string; answers: TDraftAnswers; today: string }) {
  const { t } = await getI18n();
  return (
    <ol className="task-list">
      {SECTION_IDS.map((section) => (
        <li className="task-list__item" key={section}>
          <div>
            <Link href={`/requests/${requestId}/${section}`} aria-describedby={`status-${section}`}>
              {t(SECTION_TITLE[section])}
            </Link>
            <p className="hint">{t(SECTION_SUMMARY[section])}</p>
          </div>
          <SectionStatusTag status={sectionStatus(section, answers, today)} id={`status-${section}`} />
        </li>
      ))}
    </ol>
  );
}
