import { ContributionList } from "@/components/ui/contribution-list";
import { Reference } from "@/components/ui/reference";
import { apiNames, periodText, REGISTER_STATUS_LABEL } from "@/lib/i18n/register-text";
import { getI18n } from "@/lib/i18n/server";
import type { TRegisterStatus } from "@/lib/domain/register/register";
import type { TRegisterEntry } from "@/lib/server/register";
import { contributionKindLabel } from "@/lib/i18n/labels";

const TAG_TONE: Partial<Record<TRegisterStatus, string>> = { not_started: "tag tag--progressive", active: "tag tag--success" };

/** One grant of the register: the approved name and summary, its APIs, dates and status. */
export async function RegisterEntry({ entry }: { entry: TRegisterEntry }) {
  const { t, formats } = await getI18n();
  const titleId = `grant-${entry.reference}`;
  return (
    <article className="register-entry" aria-labelledby={titleId}>
      <h2 id={titleId} className="register-entry__name" dir="auto">
        {entry.name}
      </h2>
      <p>
        <strong className={TAG_TONE[entry.status] ?? "tag"}>{t(REGISTER_STATUS_LABEL[entry.status])}</strong>
        {entry.imported ? (
          <>
            {" "}
            <span className="tag">{t("register-imported")}</span>
          </>
        ) : null}
      </p>
      <p className="pre-line" dir="auto">
        {entry.summary}
      </p>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>{t("register-apis")}</dt>
          <dd>{apiNames(t, entry.apis, formats)}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t("register-period-label")}</dt>
          <dd>{periodText(t, entry, formats)}</dd>
        </div>
        {entry.delivered.length > 0 ? (
          <div className="summary-list__row">
            <dt>{t("register-delivered")}</dt>
            <dd>
              <ContributionList
                t={t}
                dates={false}
                rows={entry.delivered.map((row) => ({
                  kind: contributionKindLabel(t, row.kind),
                  description: row.description,
                  link: row.link ?? undefined,
                  expectedBy: "",
                }))}
              />
            </dd>
          </div>
        ) : null}
        <div className="summary-list__row">
          <dt>{t("register-reference")}</dt>
          <dd>
            <Reference>{entry.reference}</Reference>
          </dd>
        </div>
      </dl>
    </article>
  );
}
