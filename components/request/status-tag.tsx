import type { TShownStatus } from "@/lib/domain/request/lifecycle";
import type { TSectionStatus } from "@/lib/domain/request/sections";
import { getI18n } from "@/lib/i18n/server";
import type { TMessageKey } from "@/lib/i18n/translator";

const REQUEST_STATUS: Record<TShownStatus, { label: TMessageKey; tone: string }> = {
  DRAFT: { label: "status-draft", tone: "" },
  SUBMITTED: { label: "status-submitted", tone: "tag--progressive" },
  IN_REVIEW: { label: "status-in-review", tone: "tag--progressive" },
  AWAITING_REQUESTER: { label: "status-awaiting-requester", tone: "tag--warning" },
  NOT_STARTED: { label: "status-not-started", tone: "tag--progressive" },
  GRANTED: { label: "status-granted", tone: "tag--success" },
  DECLINED: { label: "status-declined", tone: "tag--error" },
  CANCELLED: { label: "status-cancelled", tone: "" },
  LAPSED: { label: "status-lapsed", tone: "" },
  EXPIRED: { label: "status-expired", tone: "" },
  WITHDRAWN: { label: "status-withdrawn", tone: "" },
  DECLINE_APPEALED: { label: "status-appealed", tone: "tag--warning" },
  WITHDRAWAL_APPEALED: { label: "status-appealed", tone: "tag--warning" },
};

const SECTION_STATUS: Record<TSectionStatus, { label: TMessageKey; tone: string }> = {
  not_started: { label: "task-not-started", tone: "" },
  in_progress: { label: "task-in-progress", tone: "tag--warning" },
  completed: { label: "task-completed", tone: "tag--success" },
};

export async function RequestStatusTag({ status }: { status: TShownStatus }) {
  const { t } = await getI18n();
  const { label, tone } = REQUEST_STATUS[status];
  return <strong className={`tag ${tone}`}>{t(label)}</strong>;
}

export async function SectionStatusTag({ status, id }: { status: TSectionStatus; id?: string }) {
  const { t } = await getI18n();
  const { label, tone } = SECTION_STATUS[status];
  return (
    <strong className={`tag ${tone}`} id={id}>
      {t(label)}
    </strong>
  );
}
