"use client";

import { NumberField } from "@/components/ui/fields";

import { type TAction, useReviewForm } from "./forms";

/** A WMF reviewer's estimate of the custom development days a request needs, counted in its in-kind value. */
export function DevelopmentDaysForm(props: {
  action: TAction;
  requestId: string;
  version: number;
  saved: number | null;
  /** The line that opens the form: to estimate, or the saved estimate and a way to change it. */
  disclosure: string;
}) {
  const { t, text, shell } = useReviewForm(props.action, "development");
  return shell(
    { text: t("development-title"), level: 3 },
    <NumberField
      {...text("developmentDays", props.saved === null ? "" : String(props.saved))}
      label={t("development-days")}
      hint={t("development-days-hint")}
    />,
    "development-submit",
    { requestId: props.requestId, version: props.version },
    props.disclosure,
  );
}
