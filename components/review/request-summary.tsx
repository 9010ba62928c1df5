import type { ReactNode } from "react";

import type { TDraftAnswers } from "@/lib/domain/request/sections";
import { monthsBetween } from "@/lib/domain/review/flags";
import { parseAnswers } from "@/lib/domain/review/parsed";
import { formatNumber, longDate } from "@/lib/i18n/format";
import { apiNames } from "@/lib/i18n/register-text";
import type { TMessageKey, TParam, TTranslate } from "@/lib/i18n/translator";

type TMessage = { key: string; params: TParam[] };

type Props = {
  t: TTranslate;
  formats: string;
  answers: TDraftAnswers;
  /** The day the answers were checked against when they were sent: a start date since passed still reads. */
  day: string;
  joint: boolean;
  routingReasons: TMessage[];
  /** The form to move the request into or out of the joint queue, under its routing. */
  routing?: ReactNode;
};

const option = (prefix: string, value: string) => `${prefix}-${value.replace(/_/g, "-")}` as TMessageKey;

/** The name of a link's site, which is what a reviewer scans for; the whole address is its target. */
function siteOf(link: string) {
  try {
    return new URL(link).hostname.replace(/^www\./, "");
  } catch {
    return link;
  }
}

/**
 * A request at a glance, for the reviewer's side panel: who asks, for what and how much, for how
 * long, where to read more, and which queue it is in and why. Read from the answers as the
 * server's schemas parse them; a section that does not parse (an imported or older request) is
 * shown as not given, and the full answers are beside it.
 */
export function RequestSummary({ t, formats, answers, day, joint, routingReasons, routing }: Props) {
  const { who, what, obligation } = parseAnswers(answers, day);
  const notGiven = <span className="hint">{t("answer-none")}</span>;
  const country = who?.country ? new Intl.DisplayNames([formats], { type: "region" }).of(who.country) : undefined;
  return (
    <section className="panel glance" aria-labelledby="summary-title">
      <h2 id="summary-title">{t("review-summary-title")}</h2>
      <dl className="glance-list">
        <div>
          <dt>{t("review-summary-requester")}</dt>
          <dd>
            {who ? (
              <>
                <bdi>{who.contactName}</bdi>, {t(option("option-requester-kind", who.requesterKind))}
              </>
            ) : (
              notGiven
            )}
          </dd>
        </div>
        <div>
          <dt>{t("review-summary-organisation")}</dt>
          <dd>
            {who?.organisation ? <bdi>{who.organisation}</bdi> : null}
            {who?.organisation && country ? ", " : null}
            {country ?? null}
            {!who?.organisation && !country ? notGiven : null}
          </dd>
        </div>
        <div>
          <dt>{t("review-summary-apis")}</dt>
          <dd>{what ? apiNames(t, what.apis, formats) : notGiven}</dd>
        </div>
        <div>
          <dt>{t("review-summary-volume")}</dt>
          <dd>
            {what ? (
              <ul className="plain-list">
                {what.projects.map((project) => {
                  const volume = what.volumes[project];
                  return (
                    <li key={project}>
                      {t(
                        "review-summary-volume-line",
                        t(option("option-project", project)),
                        formatNumber(volume?.requestsPerMonth ?? 0, formats),
                        formatNumber(volume?.snapshotsPerMonth ?? 0, formats),
                        volume?.requestsPerMonth ?? 0,
                        volume?.snapshotsPerMonth ?? 0,
                      )}
                    </li>
                  );
                })}
              </ul>
            ) : (
              notGiven
            )}
          </dd>
        </div>
        <div>
          <dt>{t("review-summary-duration")}</dt>
          <dd>
            {obligation
              ? obligation.endDate
                ? t(
                    "review-summary-duration-range",
                    longDate(obligation.startDate, formats),
                    longDate(obligation.endDate, formats),
                    monthsBetween(obligation.startDate, obligation.endDate),
                  )
                : t("review-summary-duration-open", longDate(obligation.startDate, formats))
              : notGiven}
          </dd>
        </div>
        <div>
          <dt>{t("review-summary-links")}</dt>
          <dd>
            {what && what.links.length > 0 ? (
              <ul className="plain-list">
                {what.links.map((link) => (
                  <li key={link}>
                    <a href={link} rel="noreferrer noopener" dir="ltr">
                      {siteOf(link)}
                    </a>
                  </li>
                ))}
              </ul>
            ) : (
              notGiven
            )}
          </dd>
        </div>
        <div className="glance-list__wide">
          <dt>{t("review-routing-title")}</dt>
          <dd>
            {t(joint ? "review-summary-joint" : "review-summary-wmf-only")}
            {routingReasons.length > 0 ? (
              <ul className="hint">
                {routingReasons.map((reason) => (
                  <li key={reason.key}>{t(reason.key as TMessageKey, ...reason.params)}</li>
                ))}
              </ul>
            ) : null}
            {routing}
          </dd>
        </div>
      </dl>
    </section>
  );
}
