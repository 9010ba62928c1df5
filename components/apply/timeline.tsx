import { referenceMessage } from "@/components/ui/reference";
import { longDateTime } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import { timelineLabel } from "@/lib/domain/audit";
import type { TTimelineEntry } from "@/lib/server/requests";

export async function Timeline({ entries }: { entries: TTimelineEntry[] }) {
  const { t, formats } = await getI18n();
  return (
    <ol className="timeline">
      {entries.map((entry) => (
        <li key={entry.id}>
          <time dateTime={entry.at.toISOString()}>{longDateTime(entry.at, formats)}</time>
          <span>{referenceMessage(t, timelineLabel(entry.action), entry.reference ?? "")}</span>
        </li>
      ))}
    </ol>
  );
}
