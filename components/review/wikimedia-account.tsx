import { notableGroups } from "@/lib/domain/wikimedia/profile";
import { formatNumber, shortDate } from "@/lib/i18n/format";
import type { TTranslate } from "@/lib/i18n/translator";

export type TWikimediaFacts = {
  username: string;
  editCount: number | null;
  registeredAt: Date | null;
  groups: string[];
  blocked: boolean;
  checkedAt: Date;
} | null;

/**
 * Who the requester is on the wikis, as their account said at their last sign-in with it:
 * "Wikimedia account: Example (12,345 edits, since 2012; groups: sysop)", or that they have only
 * ever signed in by email.
 */
export function WikimediaAccount({ t, formats, facts }: { t: TTranslate; formats: string; facts: TWikimediaFacts }) {
  if (!facts) {
    return (
      <p className="account-facts">
        <strong>{t("review-wikimedia-label")}:</strong> {t("review-wikimedia-none")}
      </p>
    );
  }
  const groups = notableGroups(facts.groups);
  const details = [
    [
      facts.editCount === null ? null : t("review-wikimedia-edits", formatNumber(facts.editCount, formats), facts.editCount),
      facts.registeredAt ? t("review-wikimedia-since", String(facts.registeredAt.getUTCFullYear())) : null,
    ]
      .filter(Boolean)
      .join(", "),
    groups.length > 0 ? t("review-wikimedia-groups", groups.join(", ")) : "",
  ].filter(Boolean);
  return (
    <p className="account-facts">
      <strong>{t("review-wikimedia-label")}:</strong> <bdi>{facts.username}</bdi>
      {details.length > 0 ? ` (${details.join("; ")})` : null}
      {facts.blocked ? (
        <>
          {" "}
          <span className="tag tag--error">{t("review-wikimedia-blocked")}</span>
        </>
      ) : null}{" "}
      <span className="hint">{t("review-wikimedia-as-of", shortDate(facts.checkedAt, formats))}</span>
    </p>
  );
}
