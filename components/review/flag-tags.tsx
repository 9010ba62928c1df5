import { FLAG_LABEL, isFlagId, isSeverity, SEVERITY_LABEL } from "@/lib/i18n/flag-labels";
import type { TTranslate } from "@/lib/i18n/translator";

const RANK = { red: 0, warning: 1, positive: 2 } as const;

/**
 * A request's flags in a few words each, red first: a tag per flag, its severity in words for
 * screen readers and, for a red flag, a mark that does not rely on colour.
 */
export function FlagTags({ t, flags }: { t: TTranslate; flags: readonly { id: string; severity: string }[] }) {
  const known = flags
    .flatMap((flag) => (isFlagId(flag.id) && isSeverity(flag.severity) ? [{ id: flag.id, severity: flag.severity }] : []))
    .sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  if (known.length === 0) return null;
  return (
    <ul className="tag-list">
      {known.map(({ id, severity }) => (
        <li key={id} className={`tag ${SEVERITY_LABEL[severity].tone}`}>
          {severity === "red" ? <span aria-hidden="true">! </span> : null}
          <span className="visually-hidden">{t(SEVERITY_LABEL[severity].label)}: </span>
          {t(FLAG_LABEL[id])}
        </li>
      ))}
    </ul>
  );
}
