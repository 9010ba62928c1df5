"use client";

import type { TContributionView } from "@/components/ui/contribution-list";
import { ChoicesField, TextareaField } from "@/components/ui/fields";
import { wordingField } from "@/lib/domain/review/confirmed-contributions";

import type { useReviewForm } from "./forms";

type Props = { form: ReturnType<typeof useReviewForm>; promises: readonly TContributionView[] };

/**
 * The requester's promises, each ticked to confirm it as a condition of the grant (all at first),
 * with the wording the grant states, revealed under its box and starting as the requester's words.
 */
export function ConfirmedContributions({ form, promises }: Props) {
  const { t, text, choice } = form;
  if (promises.length === 0) return <p className="hint">{t("decide-contributions-none")}</p>;
  return (
    <ChoicesField
      {...choice(
        "confirmContribution",
        promises.map((_, index) => String(index + 1)),
      )}
      legend={t("decide-contributions-legend")}
      hint={t("decide-contributions-hint")}
      multiple
      options={promises.map((promise, index) => {
        const position = index + 1;
        return {
          value: String(position),
          label: (
            <>
              <strong>{t("field-contribution-legend", position)}</strong> · {promise.kind}
            </>
          ),
          hint: (
            <>
              {promise.link ? (
                <span className="contribution-list__link" dir="ltr">
                  {promise.link}
                </span>
              ) : null}
              {promise.expectedBy ? t("contribution-expected-by", promise.expectedBy) : t("contribution-ongoing")}
            </>
          ),
          reveals: (
            <TextareaField
              {...text(wordingField(position), promise.description)}
              label={t("decide-contribution-wording", position)}
              rows={2}
              short
              dir="auto"
            />
          ),
        };
      })}
    />
  );
}

/** The confirmed contributions as the check step shows them: each one's wording, or none. */
export function confirmedWordings(values: Record<string, string | string[]>): string[] {
  const ticked = [values.confirmContribution ?? []].flat();
  return ticked.map((position) => [values[wordingField(Number(position))] ?? ""].flat()[0] ?? "");
}
