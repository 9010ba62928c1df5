import type { TTranslate } from "@/lib/i18n/translator";

/**
 * A criterion of a request recorded from the email era: the answer as the emails gave it, kept
 * as written (its line breaks too), or that none was recorded.
 */
export function ImportedAnswer({ t, answer }: { t: TTranslate; answer: string | undefined }) {
  return (
    <div className="imported-answer">
      <p className="imported-answer__label">
        <strong>{t("review-imported-answer")}</strong>
      </p>
      {answer ? (
        <p className="imported-answer__text" dir="auto">
          {answer}
        </p>
      ) : (
        <p className="hint">{t("review-imported-not-recorded")}</p>
      )}
    </div>
  );
}

/** A criterion's answer in a request's stored record of the emails (Request.importedAnswers). */
export function importedAnswerOf(stored: unknown, section: string): string | undefined {
  if (!stored || typeof stored !== "object") return undefined;
  const answer = (stored as Record<string, unknown>)[section];
  return typeof answer === "string" ? answer : undefined;
}
