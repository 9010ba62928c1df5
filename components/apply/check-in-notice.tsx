import Link from "next/link";

import { longDate } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";

/** On the request page: the open check-in, when it is due (or was), and the way to answer it. */
export async function CheckInNotice({ requestId, checkIn, now }: { requestId: string; checkIn: { dueAt: Date; waiting: boolean } | null; now: Date }) {
  if (!checkIn?.waiting) return null;
  const { t, formats } = await getI18n();
  const overdue = checkIn.dueAt.getTime() <= now.getTime();
  return (
    <div className={overdue ? "notice notice--warning" : "notice"}>
      <p>{t(overdue ? "check-in-open-overdue" : "check-in-open-notice", longDate(checkIn.dueAt, formats))}</p>
      <p>
        <Link className="button button--primary" href={`/requests/${requestId}/check-in`}>
          {t("check-in-open-link")}
        </Link>
      </p>
    </div>
  );
}
