"use client";

import { ChoicesField, TextareaField } from "@/components/ui/fields";

import { type TAction, useReviewForm } from "./forms";

/**
 * A reviewer's declaration of interest on one request. Before any declaration it asks "conflict or
 * not"; after "no conflict" it offers only to declare one, should that change.
 */
export function InterestForm(props: { action: TAction; requestId: string; declaredNone: boolean }) {
  const { t, text, choice, shell } = useReviewForm(props.action, "interest");
  if (props.declaredNone) {
    return shell(
      { text: t("conflict-change-title"), level: 3, hidden: true },
      <TextareaField {...text("reason")} label={t("conflict-reason")} hint={t("conflict-reason-hint")} rows={2} short />,
      "conflict-declare-submit",
      { requestId: props.requestId, conflict: "yes" },
      t("conflict-change-title"),
    );
  }
  return shell(
    null,
    <>
      <ChoicesField
        {...choice("conflict")}
        legend={<span id="interest-title">{t("conflict-legend")}</span>}
        hint={t("conflict-legend-hint")}
        options={[
          { value: "no", label: t("conflict-option-no") },
          { value: "yes", label: t("conflict-option-yes") },
        ]}
      />
      <TextareaField {...text("reason")} label={t("conflict-reason")} hint={t("conflict-reason-hint")} rows={2} short />
    </>,
    "conflict-save",
    { requestId: props.requestId },
  );
}
