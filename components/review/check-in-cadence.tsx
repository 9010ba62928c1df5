import { SelectField } from "@/components/ui/fields";
import { CADENCE_CHOICES, DEFAULT_CHECK_IN_MONTHS, isShortGrant, type TCadenceChoice } from "@/lib/domain/check-ins";
import type { TMessageKey, TTranslate } from "@/lib/i18n/translator";

import type { useReviewForm } from "./forms";

const CADENCE_LABEL: Record<TCadenceChoice, TMessageKey> = {
  "3": "check-in-cadence-3",
  "6": "check-in-cadence-6",
  "12": "check-in-cadence-12",
  expiry: "check-in-cadence-expiry",
};

/** How often a grant asks its grantee to check in; a short grant asks once, whatever is chosen (the hint says so). */
export function CheckInCadenceField({ form }: { form: ReturnType<typeof useReviewForm> }) {
  const { t, text } = form;
  return (
    <SelectField
      {...text("checkInMonths", String(DEFAULT_CHECK_IN_MONTHS))}
      label={t("decide-check-in")}
      hint={t("decide-check-in-hint")}
      options={CADENCE_CHOICES.map((value) => ({ value, label: t(CADENCE_LABEL[value]) }))}
    />
  );
}

/** The cadence as a decision states it: a short grant's is once before expiry, whatever was chosen. */
export function cadenceText(t: TTranslate, checkInMonths: number | null) {
  return t(checkInMonths === null ? CADENCE_LABEL.expiry : (CADENCE_LABEL[String(checkInMonths) as TCadenceChoice] ?? CADENCE_LABEL.expiry));
}

/** The cadence on the decision to confirm, from the form's values. */
export function checkedCadenceText(t: TTranslate, values: { choice: string; startsOn: string; expiresOn: string }) {
  if (isShortGrant(values.startsOn, values.expiresOn)) return t("decide-check-in-short");
  return cadenceText(t, values.choice === "expiry" ? null : Number(values.choice));
}
