"use client";

import { TextareaField } from "@/components/ui/fields";

import { type TAction, useReviewForm } from "./forms";

type TProposalForm = { action: TAction; requestId: string; version: number };

/** Confirms the proposed grant as it stands: it is made, and emailed to the requester, now. */
export function ConfirmProposalForm(props: TProposalForm) {
  const { t, shell } = useReviewForm(props.action, "confirm-proposal");
  return shell({ text: t("proposal-confirm-title"), level: 3 }, <p className="hint">{t("proposal-confirm-hint")}</p>, "proposal-confirm", {
    requestId: props.requestId,
    version: props.version,
  });
}

/** Sends the proposed grant back to its proposer, saying what should change. */
export function ReturnProposalForm(props: TProposalForm) {
  const { t, text, shell } = useReviewForm(props.action, "return-proposal");
  return shell(
    { text: t("proposal-return-title"), level: 3 },
    <TextareaField {...text("note")} rows={3} label={t("proposal-return-note")} hint={t("proposal-return-note-hint")} />,
    "proposal-return",
    { requestId: props.requestId, version: props.version },
  );
}
