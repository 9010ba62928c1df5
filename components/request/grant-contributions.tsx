import { longDate } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import { contributionKindLabel } from "@/lib/i18n/labels";
import type { TMessageKey } from "@/lib/i18n/translator";
import type { TContributionRecord } from "@/lib/server/review/contributions";

import { ContributionList } from "@/components/ui/contribution-list";

const STATUS_LABEL: Record<TContributionRecord["status"], TMessageKey> = {
  PROMISED: "contribution-status-promised",
  IN_PROGRESS: "contribution-status-in-progress",
  DELIVERED: "contribution-status-delivered",
  DROPPED: "contribution-status-dropped",
};

type Props = { rows: readonly TContributionRecord[]; title: TMessageKey; headingLevel: 2 | 3 };

/** The contributions a grant holds its grantee to, each with where it stands; nothing when there are none. */
export async function GrantContributions({ rows, title, headingLevel }: Props) {
  if (rows.length === 0) return null;
  const { t, formats } = await getI18n();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const views = rows.map((row) => ({
    kind: contributionKindLabel(t, row.kind),
    description: row.description,
    link: row.deliveredLink ?? row.link ?? undefined,
    expectedBy: row.expectedBy ? longDate(row.expectedBy, formats) : "",
  }));
  return (
    <section aria-labelledby="grant-contributions-title">
      <Heading id="grant-contributions-title">{t(title)}</Heading>
      <ContributionList rows={views} t={t} status={(index) => t(STATUS_LABEL[rows[index]?.status ?? "PROMISED"])} />
    </section>
  );
}
