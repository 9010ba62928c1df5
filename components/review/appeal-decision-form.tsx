"use client";

import { ChoicesField, TextareaField } from "@/components/ui/fields";

import { type TAction, useReviewForm } from "./forms";

type Props = { action: TAction; requestId: string; version: number; from: "DECLINED" | "WITHDRAWN" };

/** An uninvolved WMF reviewer's decision on an appeal: the decision stands, or is overturned, and why. */
export function AppealDecisionForm({ action, requestId, version, from }: Props) {
  const { t, text, choice, shell } = useReviewForm(action, "appeal");
  const options = [
    { value: "uphold", label: t("review-appeal-uphold") },
    { value: "overturn", label: t(from === "WITHDRAWN" ? "review-appeal-overturn-withdrawal" : "review-appeal-overturn-decline") },
  ];
  return shell(
    { text: t("review-appeal-decide-title"), level: 3 },
    <>
      <p className="hint">{t("review-appeal-decide-hint")}</p>
      <ChoicesField {...choice("outcome")} legend={t("review-appeal-outcome")} options={options} />
      <TextareaField {...text("reasons")} label={t("review-appeal-reasons-label")} hint={t("review-appeal-reasons-hint")} rows={5} dir="auto" />
    </>,
    "review-appeal-submit",
    { requestId, version },
  );
}
