import Link from "next/link";

import { APIS, EXCEPTION_TYPES, REQUESTER_KINDS } from "@/lib/domain/request/options";
import { QUEUE_SORTS, QUEUE_VIEWS, queueParamsFrom, queueSearch, type TQueueView } from "@/lib/domain/review/queue";
import { PAST_TARGET_LABEL } from "@/lib/domain/review/targets";
import { actsForWmde, canReview } from "@/lib/domain/roles";
import type { TPageSearch } from "@/lib/domain/search-params";
import { daysBetween } from "@/lib/domain/time";
import { FlagTags } from "@/components/review/flag-tags";
import { CheckboxField, SelectField, TextField } from "@/components/ui/fields";
import { Reference } from "@/components/ui/reference";
import { cellLabel, Table } from "@/components/ui/table";
import { Pagination } from "@/components/ui/pagination";
import { formatNumber } from "@/lib/i18n/format";
import { getI18n, titledBy } from "@/lib/i18n/server";
import type { TMessageKey } from "@/lib/i18n/translator";
import { now } from "@/lib/server/clock";
import { listQueue, queueCounts } from "@/lib/server/review/queue";
import { requireRole } from "@/lib/server/session";

export const generateMetadata = titledBy("review-title");

const FILTER_LABEL = {
  kind: "queue-filter-kind",
  exception: "queue-filter-exception",
  api: "queue-filter-api",
  assignee: "queue-filter-assignee",
} as const satisfies Record<string, TMessageKey>;
const SORT_LABEL = { oldest: "queue-sort-oldest", newest: "queue-sort-newest", activity: "queue-sort-activity" } as const satisfies Record<string, TMessageKey>;

const VIEW_LABEL: Record<TQueueView, TMessageKey> = {
  new: "queue-view-new",
  in_review: "queue-view-in-review",
  awaiting: "queue-view-awaiting",
  joint: "queue-view-joint",
  appeals: "queue-view-appeals",
  decided: "queue-view-decided",
  confirm: "queue-view-confirm",
};

const option = (prefix: string, value: string) => `${prefix}-${value.replace(/_/g, "-")}` as TMessageKey;

/** The address of the queue with these parameters (blank ones left out). */
function queueHref(params: Parameters<typeof queueSearch>[0]) {
  const query = queueSearch(params);
  return query ? `/review?${query}` : "/review";
}

export default async function ReviewQueuePage({ searchParams }: TPageSearch) {
  const viewer = await requireRole("/review", canReview);
  const [{ t, formats }, raw] = await Promise.all([getI18n(), searchParams]);
  const params = queueParamsFrom(Object.entries(raw));
  const [{ rows, next }, counts] = await Promise.all([listQueue(viewer, params), queueCounts(viewer)]);
  const filterOptions: Record<"kind" | "exception" | "api" | "assignee", [string, string][]> = {
    kind: REQUESTER_KINDS.map((value) => [value, t(option("option-requester-kind", value))]),
    exception: EXCEPTION_TYPES.map((value) => [value, t(option("option-exception-type", value))]),
    api: APIS.map((value) => [value, t(option("option-api", value))]),
    assignee: [
      ["me", t("queue-filter-assignee-me")],
      ["none", t("queue-filter-assignee-none")],
    ],
  };
  const filters = {
    kind: params.kind,
    exception: params.exception,
    api: params.api,
    assignee: params.assignee,
    flagged: params.flagged,
    q: params.q,
    sort: params.sort,
  };
  const today = now();
  const columns = [
    t("queue-col-reference"),
    t("queue-col-requester"),
    t("queue-col-purpose"),
    t("queue-col-kind"),
    t("queue-col-flags"),
    t("queue-col-age"),
    t("queue-col-assignee"),
  ] as const;

  return (
    <div className="page">
      <h1>{t("review-title")}</h1>
      {actsForWmde(viewer.role) ? <p className="lead">{t("queue-intro-wmde")}</p> : null}
      <nav aria-label={t("queue-views-label")}>
        <ul className="tabs">
          {/* Only WMF reviewers and admins confirm grants: nothing ever waits for a WMDE reviewer there. */}
          {QUEUE_VIEWS.filter((view) => view !== "confirm" || !actsForWmde(viewer.role)).map((view) => (
            <li key={view}>
              <Link href={queueHref({ ...filters, view })} aria-current={view === params.view ? "page" : undefined}>
                {t(VIEW_LABEL[view])} <span className="tabs__count">{formatNumber(counts[view], formats)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {/* biome-ignore lint/a11y/useSemanticElements: a form as the search landmark, which every screen reader knows; <search> is too new */}
      <form className="queue-filters" method="get" action="/review" role="search" aria-label={t("queue-filters-label")}>
        <input type="hidden" name="view" value={params.view} />
        <TextField id="q" type="search" label={t("queue-search")} hint={t("queue-search-hint")} defaultValue={params.q ?? ""} />
        {(["kind", "exception", "api", "assignee"] as const).map((name) => (
          <Select key={name} name={name} label={t(FILTER_LABEL[name])} value={params[name]} anyLabel={t("queue-filter-any")} options={filterOptions[name]} />
        ))}
        <Select name="sort" label={t("queue-sort")} value={params.sort} options={QUEUE_SORTS.map((sort) => [sort, t(SORT_LABEL[sort])])} />
        <CheckboxField id="flagged" value="1" label={t("queue-filter-flagged")} defaultChecked={params.flagged} />
        <div className="button-group">
          <button className="button button--primary" type="submit">
            {t("queue-apply")}
          </button>
          <Link href={queueHref({ view: params.view })}>{t("queue-clear")}</Link>
        </div>
      </form>

      <p className="no-print">
        <a href={`/review/export.csv?${queueSearch({ view: params.view, ...filters })}`} aria-describedby="export-hint">
          {t("queue-export")}
        </a>{" "}
        <span className="hint" id="export-hint">
          {t("queue-export-hint")}
        </span>
      </p>

      <Table
        stacked
        caption={
          <>
            {t("queue-caption")}: {t(VIEW_LABEL[params.view])}
          </>
        }
        columns={columns}
        empty={rows.length === 0 ? t("queue-empty") : undefined}
      >
        {rows.map((row) => {
          const days = Math.max(0, daysBetween(row.submittedAt, today));
          return (
            <tr key={row.id}>
              <td {...cellLabel(columns[0])}>
                <Link href={`/review/${row.id}`}>
                  <Reference>{row.reference}</Reference>
                </Link>
                {row.joint ? (
                  <>
                    {" "}
                    <span className="tag tag--progressive">{t("queue-joint-badge")}</span>
                  </>
                ) : null}
                {row.imported ? (
                  <>
                    {" "}
                    <span className="tag">{t("review-imported-tag")}</span>
                  </>
                ) : null}
              </td>
              <td {...cellLabel(columns[1])}>
                {row.organisation ?? row.contactName}
                {row.organisation && row.contactName ? <div className="hint">{row.contactName}</div> : null}
              </td>
              <td {...cellLabel(columns[2])}>
                {row.purpose ? (
                  <span className="queue-purpose" dir="auto">
                    {row.purpose}
                  </span>
                ) : null}
              </td>
              <td {...cellLabel(columns[3])}>{row.requesterKind ? t(option("option-requester-kind", row.requesterKind)) : null}</td>
              <td {...cellLabel(columns[4])}>
                <FlagTags t={t} flags={row.flags} />
                {row.checkInOverdue ? <span className="tag tag--warning">{t("check-in-overdue")}</span> : null}{" "}
                {row.conflicted ? <span className="tag tag--error">{t("queue-conflict-badge")}</span> : null}
              </td>
              <td {...cellLabel(columns[5])}>
                <time className="nowrap" dateTime={row.submittedAt.toISOString()}>
                  {t("queue-age-days", days)}
                </time>
                {row.waitedDays !== null ? <div className="hint">{t("queue-waited-days", row.waitedDays)}</div> : null}
                {row.pastTarget ? <span className="tag tag--error">{t(PAST_TARGET_LABEL[row.pastTarget])}</span> : null}
              </td>
              <td {...cellLabel(columns[6])}>{row.assigneeName ?? <span className="hint">{t("queue-unassigned")}</span>}</td>
            </tr>
          );
        })}
      </Table>
      <Pagination
        firstHref={params.after ? queueHref({ ...filters, view: params.view }) : undefined}
        nextHref={next ? queueHref({ ...filters, view: params.view, after: next }) : undefined}
      />
    </div>
  );
}

function Select({ name, label, value, options, anyLabel }: { name: string; label: string; value?: string; options: [string, string][]; anyLabel?: string }) {
  return (
    <SelectField
      id={`filter-${name}`}
      name={name}
      label={label}
      placeholder={anyLabel}
      options={options.map(([optionValue, optionLabel]) => ({ value: optionValue, label: optionLabel }))}
      defaultValue={value ?? ""}
    />
  );
}
