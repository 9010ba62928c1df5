import { getI18n } from "@/lib/i18n/server";
import type { TMessageKey } from "@/lib/i18n/translator";
import type { TTimelineEntry } from "@/lib/server/requests";

const LABEL: Record<TTimelineEntry["action"], TMessageKey> = {
  "request.created": "timeline-created",
  "request.submitted": "timeline-submitted",
  "request.cancelled": "timeline-cancelled",
  "request.information_requested": "timeline-information-requested",
  "request.information_answered": "timeline-information-answered",
  "request.lapsed": "timeline-lapsed",
  "request.granted": "timeline-granted",
  "request.declined": "timeline-declined",
  "request.extended": "timeline-extended",
  "request.withdrawn": "timeline-withdrawn",
  "request.given_up": "timeline-given-up",
  "request.expiry_reminded": "timeline-expiry-reminded",
  "request.expired": "timeline-expired",
};

export async function Timeline({ entries }: { entries: TTimelineEntry[] }) {
  const { t, formats } = await getI18n();
  const times = new Intl.DateTimeFormat(formats, { dateStyle: "medium", timeStyle: "short" });
  return (
    <ol className="timeline">
      {entries.map((entry) => (
        <li key={entry.id}>
          <time dateTime={entry.at.toISOString()}>{times.format(entry.at)}</time>
          <span>{t(LABEL[entry.action], entry.reference ?? "")}</span>
        </li>
      ))}
    </ol>
  );
}
