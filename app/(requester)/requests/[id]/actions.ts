"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { contributionRowChange } from "@/lib/domain/request/contributions";
import { ZCheckInTarget } from "@/lib/domain/check-in-answer";
import { ZRequestChange, ZSectionSave } from "@/lib/domain/request/lifecycle";
import { ZInformationAnswer } from "@/lib/domain/review/actions";
import { ZAppealInput } from "@/lib/domain/review/appeals";
import { ZGiveUpInput } from "@/lib/domain/review/decisions";
import { appealDecision } from "@/lib/server/appeals";
import { answerCheckIn } from "@/lib/server/check-ins";
import { resendContactLink } from "@/lib/server/contact";
import { giveUpGrant, startFollowUp } from "@/lib/server/follow-ups";
import { publicUrl } from "@/lib/env";
import type { TFieldError } from "@/lib/form-state";
import { validatedAction } from "@/lib/server/action";
import { enforceRateLimit, refundRateLimit } from "@/lib/server/rate-limit";
import { answerInformation, cancelRequest, deleteDraft, IncompleteRequestError, saveSection, submitRequest } from "@/lib/server/requests";

export const saveSectionAction = validatedAction("saveSection", ZSectionSave, async (viewer, input, values) => {
  const rowChange = contributionRowChange(input.intent, values);
  const result = await saveSection(
    viewer,
    { requestId: input.requestId, section: input.section, version: input.version, posted: rowChange?.values ?? values, check: input.intent === "continue" },
    publicUrl(),
  );
  if (result.outcome === "conflict") {
    return { status: "error", message: { key: "request-error-conflict-kept" }, values, version: result.version };
  }
  if (result.outcome === "invalid") {
    return { status: "error", fieldErrors: result.fieldErrors, values, version: result.version };
  }
  revalidatePath(`/requests/${input.requestId}`);
  if (rowChange) {
    const from = input.returnTo === "check" ? "?from=check" : "";
    redirect(`/requests/${input.requestId}/${input.section}${from}#${rowChange.focus}`);
  }
  redirect(input.returnTo === "check" && input.intent === "continue" ? `/requests/${input.requestId}/check` : `/requests/${input.requestId}`);
});

export const submitRequestAction = validatedAction("submitRequest", ZRequestChange, async (viewer, input) => {
  await enforceRateLimit("submission", viewer.id);
  try {
    await submitRequest(viewer, input, publicUrl());
  } catch (error) {
    // Only submissions that went through count against the limit.
    await refundRateLimit("submission", viewer.id);
    if (!(error instanceof IncompleteRequestError)) throw error;
    const fieldErrors: Record<string, TFieldError> = {};
    for (const section of error.sections) fieldErrors[`section-${section}`] = { key: `check-error-incomplete-${section}` as TFieldError["key"] };
    return { status: "error", fieldErrors };
  }
  revalidatePath("/requests");
  redirect(`/requests/${input.requestId}/submitted`);
});

export const cancelRequestAction = validatedAction("cancelRequest", ZRequestChange, async (viewer, input) => {
  await cancelRequest(viewer, input);
  revalidatePath("/requests");
  redirect(`/requests/${input.requestId}?cancelled=1`);
});

export const deleteDraftAction = validatedAction("deleteDraft", ZRequestChange, async (viewer, input) => {
  await deleteDraft(viewer, input);
  revalidatePath("/requests");
  redirect("/requests?deleted=1");
});

export const answerInformationAction = validatedAction("answerInformation", ZInformationAnswer, async (viewer, input) => {
  await enforceRateLimit("message", viewer.id);
  await answerInformation(viewer, input, publicUrl());
  revalidatePath(`/requests/${input.requestId}`);
  redirect(`/requests/${input.requestId}?answered=1`);
});

export const startFollowUpAction = validatedAction("startFollowUp", ZRequestChange, async (viewer, input) => {
  const draft = await startFollowUp(viewer, input.requestId);
  revalidatePath("/requests");
  redirect(`/requests/${draft}?from=${input.requestId}`);
});

export const giveUpGrantAction = validatedAction("giveUpGrant", ZGiveUpInput, async (viewer, input) => {
  await giveUpGrant(viewer, input, publicUrl());
  revalidatePath("/requests");
  redirect(`/requests/${input.requestId}?given-up=1`);
});

export const sendContactLinkAction = validatedAction("sendContactLink", ZRequestChange, async (viewer, input) => {
  await resendContactLink(viewer, input, publicUrl());
  redirect(`/requests/${input.requestId}?link-sent=1`);
});

export const answerCheckInAction = validatedAction("answerCheckIn", ZCheckInTarget, async (viewer, input, values) => {
  await enforceRateLimit("message", viewer.id);
  await answerCheckIn(viewer, input, values, publicUrl());
  revalidatePath(`/requests/${input.requestId}`);
  redirect(`/requests/${input.requestId}/check-in?sent=1`);
});

export const appealDecisionAction = validatedAction("appealDecision", ZAppealInput, async (viewer, input) => {
  await enforceRateLimit("message", viewer.id);
  await appealDecision(viewer, input, publicUrl());
  revalidatePath("/requests");
  redirect(`/requests/${input.requestId}?appealed=1`);
});
