import { getI18n } from "@/lib/i18n/server";
import { timelineLabel } from "@/lib/domain/audit";
import type { TTimelineEntry } from "@/lib/server/requests";

export async function Timeline({ entries }: { entries: TTimelineEntry[] }) {
  const { t, formats } = await getI18n();
  const times = new Intl.DateTimeFormat(formats, { dateStyle: "medium", timeStyle: "short" });
  return (
    <ol className="timeline">
      {entries.map((entry) => (
        <li key={entry.id}>
          <time dateTime={entry.at.toISOString()}>{times.format(entry.at)}</time>
          <span>{t(timelineLabel(entry.action), entry.reference ?? "")}</span>
        </li>
      ))}
    </ol>
  );
}
