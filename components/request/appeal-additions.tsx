import { SECTION_IDS, type TSectionId } from "@/lib/domain/request/sections";
import type { TAppealAdditions } from "@/lib/domain/review/appeals";
import { longDate } from "@/lib/i18n/format";
import { SECTION_TITLE } from "@/lib/i18n/labels";
import type { TTranslate } from "@/lib/i18n/translator";

/** What an appeal added to a request's answers, and when: shown under each section it added to. */
export type TAddedOnAppeal = { additions: TAppealAdditions; appealedAt: Date };

/** What the appeal added to one section of the answers, under that section; nothing when it added none. */
export function AddedOnAppeal({
  added,
  section,
  headingLevel,
  t,
  formats,
}: {
  added?: TAddedOnAppeal;
  section: TSectionId;
  /** The level of the section's own heading: this one is a level below. */
  headingLevel: 2 | 3;
  t: TTranslate;
  formats: string;
}) {
  const text = added?.additions[section];
  if (!added || !text) return null;
  const Heading = headingLevel === 2 ? "h3" : "h4";
  return (
    <div className="added-on-appeal" data-testid={`added-on-appeal-${section}`}>
      <Heading>{t("answers-added-on-appeal", longDate(added.appealedAt, formats))}</Heading>
      <p className="pre-line" dir="auto">
        {text}
      </p>
    </div>
  );
}

/** In an appeal panel: the sections the appeal added to, each a link to where its addition is shown. */
export function AddedSections({ additions, t }: { additions: TAppealAdditions; t: TTranslate }) {
  const sections = SECTION_IDS.filter((section) => additions[section]);
  if (sections.length === 0) return null;
  return (
    <>
      <p>{t("appeal-added-to")}</p>
      <ul>
        {sections.map((section) => (
          <li key={section}>
            <a href={`#section-${section}`}>{t(SECTION_TITLE[section])}</a>
          </li>
        ))}
      </ul>
    </>
  );
}
