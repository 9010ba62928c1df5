import type { TShownStatus } from "@/lib/domain/request/lifecycle";
import { CHECK_IN_USE_CASES } from "@/lib/domain/check-ins";
import { APIS, EXCEPTION_TYPES, REQUESTER_KINDS } from "@/lib/domain/request/options";
import type { TMessageKey, TTranslate } from "@/lib/i18n/translator";

import { FLAG_IDS, type TFlagId } from "./flags";
import type { TQueueRow, TQueueView } from "./queue";

// What a reviewer's CSV export of a queue view says about each request: one column per fact, in
// the reviewer's words, with values a spreadsheet can sort and filter.

type TContext = { t: TTranslate; requestUrl: (id: string) => string };

/** What followed a grant, read for each batch of rows beside the queue's own facts. */
export type TExportFollowUp = {
  lastCheckIn: { answeredAt: Date; useCase: string | null } | null;
  contributions: { promised: number; delivered: number; dropped: number };
};
export const NO_FOLLOW_UP: TExportFollowUp = { lastCheckIn: null, contributions: { promised: 0, delivered: 0, dropped: 0 } };

type TColumn = { header: TMessageKey; cell: (row: TQueueRow, context: TContext, followUp: TExportFollowUp) => string };

/** Reviewers' words for a status; a request awaiting the requester is not waiting for the reviewer. */
const STATUS_LABEL: Record<TShownStatus, TMessageKey> = {
  DRAFT: "status-draft",
  SUBMITTED: "status-submitted",
  IN_REVIEW: "status-in-review",
  AWAITING_REQUESTER: "review-status-awaiting-requester",
  NOT_STARTED: "status-not-started",
  GRANTED: "status-granted",
  DECLINED: "status-declined",
  CANCELLED: "status-cancelled",
  LAPSED: "status-lapsed",
  EXPIRED: "status-expired",
  WITHDRAWN: "status-withdrawn",
  DECLINE_APPEALED: "review-status-decline-appealed",
  WITHDRAWAL_APPEALED: "review-status-withdrawal-appealed",
};

const FLAG_NAME: Record<TFlagId, TMessageKey> = {
  genai_without_ethics: "flag-name-genai-without-ethics",
  commercial_without_public_benefit: "flag-name-commercial-without-public-benefit",
  wikimedia_account_blocked: "flag-name-wikimedia-blocked",
  need_names_no_insufficient_method: "flag-name-need-names-no-method",
  volume_within_free_limits: "flag-name-volume-within-free-limits",
  custom_development: "flag-name-custom-development",
  open_ended_or_long: "flag-name-open-ended-or-long",
  wikimedia_account_bot: "flag-name-wikimedia-bot",
  wikimedia_account_new: "flag-name-wikimedia-new",
  special_marginalised_communities: "flag-name-special-marginalised-communities",
  special_underrepresented_languages: "flag-name-special-underrepresented-languages",
  special_sister_projects: "flag-name-special-sister-projects",
};

/** Several values in one cell. */
const LIST_SEPARATOR = "; ";

/** A stored choice in words; a value the form no longer offers is shown as stored. */
function choice(t: TTranslate, prefix: string, options: readonly string[], value: string | null) {
  if (!value) return "";
  return options.includes(value) ? t(`${prefix}-${value.replace(/_/g, "-")}` as TMessageKey) : value;
}

function flagNames(t: TTranslate, row: TQueueRow, severity: string) {
  return row.flags
    .filter((flag) => flag.severity === severity)
    .map((flag) => ((FLAG_IDS as readonly string[]).includes(flag.id) ? t(FLAG_NAME[flag.id as TFlagId]) : flag.id))
    .join(LIST_SEPARATOR);
}

/** Minutes in UTC, written the way spreadsheets read a date and time. */
const dateTime = (at: Date) => at.toISOString().slice(0, 16).replace("T", " ");

const GRANT_STATUSES: TShownStatus[] = ["NOT_STARTED", "GRANTED", "EXPIRED"];

/** A grant's first or last day, while the request is (or was until its expiry) granted. */
const grantDay = (row: TQueueRow, day: Date | null) => (day && GRANT_STATUSES.includes(row.status) ? day.toISOString().slice(0, 10) : "");

const COLUMNS: TColumn[] = [
  { header: "export-col-reference", cell: (row) => row.reference ?? "" },
  { header: "export-col-status", cell: (row, { t }) => t(STATUS_LABEL[row.status]) },
  { header: "export-col-submitted", cell: (row) => dateTime(row.submittedAt) },
  { header: "export-col-last-activity", cell: (row) => dateTime(row.lastActivityAt) },
  { header: "export-col-kind", cell: (row, { t }) => choice(t, "option-requester-kind", REQUESTER_KINDS, row.requesterKind) },
  { header: "export-col-organisation", cell: (row) => row.organisation ?? "" },
  { header: "export-col-contact", cell: (row) => row.contactName ?? "" },
  { header: "export-col-joint", cell: (row, { t }) => t(row.joint ? "answer-yes" : "answer-no") },
  { header: "export-col-imported", cell: (row, { t }) => (row.imported ? t("answer-yes") : "") },
  { header: "export-col-red-flags", cell: (row, { t }) => flagNames(t, row, "red") },
  { header: "export-col-warnings", cell: (row, { t }) => flagNames(t, row, "warning") },
  { header: "export-col-special", cell: (row, { t }) => flagNames(t, row, "positive") },
  { header: "export-col-assignee", cell: (row) => row.assigneeName ?? "" },
  { header: "export-col-exception", cell: (row, { t }) => choice(t, "option-exception-type", EXCEPTION_TYPES, row.exceptionType) },
  { header: "export-col-apis", cell: (row, { t }) => row.apis.map((api) => choice(t, "option-api", APIS, api)).join(LIST_SEPARATOR) },
  { header: "export-col-starts", cell: (row) => grantDay(row, row.startsAt) },
  { header: "export-col-expires", cell: (row) => grantDay(row, row.expiresAt) },
  { header: "export-col-check-in-overdue", cell: (row, { t }) => (row.checkInOverdue ? t("answer-yes") : "") },
  { header: "export-col-last-check-in", cell: (_row, _context, { lastCheckIn }) => (lastCheckIn ? dateTime(lastCheckIn.answeredAt) : "") },
  {
    header: "export-col-last-check-in-use-case",
    cell: (_row, { t }, { lastCheckIn }) => choice(t, "check-in-use-case", CHECK_IN_USE_CASES, lastCheckIn?.useCase ?? null),
  },
  { header: "export-col-contributions-promised", cell: (_row, _context, { contributions }) => String(contributions.promised) },
  { header: "export-col-contributions-delivered", cell: (_row, _context, { contributions }) => String(contributions.delivered) },
  { header: "export-col-contributions-dropped", cell: (_row, _context, { contributions }) => String(contributions.dropped) },
  { header: "export-col-link", cell: (row, { requestUrl }) => requestUrl(row.id) },
];

/** The header row, in the reader's language. */
export function queueExportHeader(t: TTranslate): string[] {
  return COLUMNS.map((column) => t(column.header));
}

/** One request's cells, in the order of the header. */
export function queueExportCells(row: TQueueRow, context: TContext, followUp: TExportFollowUp = NO_FOLLOW_UP): string[] {
  return COLUMNS.map((column) => column.cell(row, context, followUp));
}

/** The file's name: which view, and the day it was made (UTC). */
export function queueExportFilename(view: TQueueView, at: Date) {
  return `exceptional-access-queue-${view.replace(/_/g, "-")}-${at.toISOString().slice(0, 10)}.csv`;
}
