import Link from "next/link";

import { longDate } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import type { TMessageKey } from "@/lib/i18n/translator";
import { scopeLines, type TScope } from "@/lib/mail/decision-text";

type TGrantTerms = { decision: TScope & { startsAt: Date | null; expiresAt: Date | null }; expiresAt: Date | null };

/** A grant's scope and dates, as summary-list rows; an extended expiry says what it was first. */
export async function GrantTerms({ decision, expiresAt }: TGrantTerms) {
  const { t, formats } = await getI18n();
  const extended = decision.expiresAt && expiresAt && decision.expiresAt.getTime() !== expiresAt.getTime();
  return (
    <>
      <div className="summary-list__row">
        <dt>{t("decision-scope")}</dt>
        <dd>
          <ul>
            {scopeLines(t, decision, formats).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </dd>
      </div>
      <div className="summary-list__row">
        <dt>{t("decision-dates")}</dt>
        <dd>
          {t("decision-dates-value", decision.startsAt ? longDate(decision.startsAt, formats) : "", expiresAt ? longDate(expiresAt, formats) : "")}
          {extended && decision.expiresAt ? <span className="hint"> {t("decision-extended-from", longDate(decision.expiresAt, formats))}</span> : null}
        </dd>
      </div>
    </>
  );
}

type TRegisterEntryRow = { entry: { publicName: string | null; publicSummary: string | null }; reference: string | null; unlisted?: TMessageKey };

/** A grant's entry in the public register, as a summary-list row, with a link to it; or why there is none. */
export async function RegisterEntryRow({ entry, reference, unlisted }: TRegisterEntryRow) {
  const { t } = await getI18n();
  if (!entry.publicSummary && !unlisted) return null;
  return (
    <div className="summary-list__row">
      <dt>{t("decision-register")}</dt>
      <dd>
        {entry.publicSummary ? (
          <>
            <strong dir="auto">{entry.publicName}</strong>
            <span className="assessment-note" dir="auto">
              {entry.publicSummary}
            </span>
            {reference ? <Link href={`/register?reference=${encodeURIComponent(reference)}`}>{t("decision-register-link")}</Link> : null}
          </>
        ) : (
          unlisted && t(unlisted)
        )}
      </dd>
    </div>
  );
}
