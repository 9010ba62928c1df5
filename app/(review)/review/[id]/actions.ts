"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import {
  declineErrorsOnPage,
  declineFromPage,
  ZDecisionStep,
  ZDeclineInput,
  ZExtendInput,
  ZGrantInput,
  ZHumanRightsInput,
  ZRecommendationInput,
  ZWithdrawInput,
} from "@/lib/domain/review/decisions";
import { ZAssessmentInput, ZCommentInput, ZInformationInput, ZJointMove, ZRequestVersion } from "@/lib/domain/review/actions";
import { ZDevelopmentDaysInput } from "@/lib/domain/in-kind-value";
import { ZConfirmProposalInput, ZReturnProposalInput } from "@/lib/domain/review/approval";
import { ZAppealDecisionInput } from "@/lib/domain/review/appeals";
import { decideAppeal } from "@/lib/server/appeals";
import { ZCheckInTarget } from "@/lib/domain/check-in-answer";
import { publicUrl } from "@/lib/env";
import type { z } from "zod";

import { fieldErrorsOf, type TActionState } from "@/lib/form-state";
import type { TMessageKey } from "@/lib/i18n/translator";
import type { TViewer } from "@/lib/server/session";
import { getI18n } from "@/lib/i18n/server";
import { validatedAction } from "@/lib/server/action";
import { enforceRateLimit } from "@/lib/server/rate-limit";
import { checkDecline, checkGrant, declineRequest, extendGrant, recordHumanRights, recordRecommendation, withdrawGrant } from "@/lib/server/review/decisions";
import { confirmProposal, grantOrPropose, returnProposal } from "@/lib/server/review/approval";
import { estimateDevelopment } from "@/lib/server/review/development";
import { acknowledgeCheckIn } from "@/lib/server/review/check-ins";
import { ZInterestDeclaration } from "@/lib/domain/review/conflicts";
import { declareInterest } from "@/lib/server/review/conflicts";
import { addComment, askForInformation, moveJoint, releaseRequest, saveAssessment, takeRequest } from "@/lib/server/review/request";

function done(requestId: string, key: TMessageKey): TActionState {
  revalidatePath(`/review/${requestId}`);
  revalidatePath("/review");
  return { status: "success", message: { key } };
}

/** An action on one request from its review page: it acts, then the page says `saved` and shows the change. */
function reviewAction<TSchema extends z.ZodType<{ requestId: string }>>(
  name: string,
  schema: TSchema,
  act: (viewer: TViewer, input: z.infer<TSchema>) => Promise<unknown>,
  saved: TMessageKey,
) {
  return validatedAction(name, schema, async (viewer, input) => {
    await act(viewer, input);
    return done(input.requestId, saved);
  });
}

export const takeRequestAction = reviewAction("takeRequest", ZRequestVersion, takeRequest, "review-assigned-ok");

export const releaseRequestAction = reviewAction("releaseRequest", ZRequestVersion, releaseRequest, "review-released-ok");

export const moveJointAction = reviewAction("moveJoint", ZJointMove, (viewer, input) => moveJoint(viewer, input, publicUrl()), "review-routing-moved");

export const saveAssessmentAction = reviewAction("saveAssessment", ZAssessmentInput, saveAssessment, "review-assess-saved");

export const addCommentAction = validatedAction("addComment", ZCommentInput, async (viewer, input) => {
  // Messages reach the requester by email; internal notes stay among reviewers and are not limited.
  if (input.kind === "MESSAGE") await enforceRateLimit("message", viewer.id);
  await addComment(viewer, input, publicUrl());
  return done(input.requestId, "review-comment-added");
});

export const askForInformationAction = reviewAction(
  "askForInformation",
  ZInformationInput,
  (viewer, input) => askForInformation(viewer, input, publicUrl()),
  "review-info-sent",
);

export const recordRecommendationAction = reviewAction("recordRecommendation", ZRecommendationInput, recordRecommendation, "recommend-saved");

export const recordHumanRightsAction = reviewAction("recordHumanRights", ZHumanRightsInput, recordHumanRights, "human-rights-saved");

export const estimateDevelopmentAction = reviewAction("estimateDevelopment", ZDevelopmentDaysInput, estimateDevelopment, "development-saved");

/**
 * The decide page: grant or decline, checked (shown back to confirm, nothing written), then
 * recorded, or sent back to be changed. Recording checks everything again, whatever was checked.
 */
export const decideAction = validatedAction("decide", ZDecisionStep, async (viewer, step, values): Promise<TActionState> => {
  if (step.intent === "change") return { status: "idle", values };
  if (step.outcome === "grant") {
    const parsed = ZGrantInput.safeParse(values);
    if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), values };
    if (step.intent === "check") {
      await checkGrant(viewer, parsed.data);
      return { status: "check", values };
    }
    const recorded = await grantOrPropose(viewer, parsed.data, publicUrl());
    revalidatePath("/review");
    redirect(`/review/${step.requestId}?decided=${recorded}`);
  }
  const parsed = ZDeclineInput.safeParse(declineFromPage(values));
  if (!parsed.success) return { status: "error", fieldErrors: declineErrorsOnPage(fieldErrorsOf(parsed.error)), values };
  if (step.intent === "check") {
    await checkDecline(viewer, parsed.data);
    return { status: "check", values };
  }
  await declineRequest(viewer, parsed.data, publicUrl());
  revalidatePath("/review");
  redirect(`/review/${step.requestId}?decided=declined`);
});

export const extendAction = validatedAction("extendGrant", ZExtendInput, async (viewer, input) => {
  await extendGrant(viewer, input, publicUrl(), (await getI18n()).formats);
  return done(input.requestId, "extend-saved");
});

export const withdrawAction = validatedAction("withdrawGrant", ZWithdrawInput, async (viewer, input) => {
  await withdrawGrant(viewer, input, publicUrl());
  revalidatePath("/review");
  redirect(`/review/${input.requestId}?decided=withdrawn`);
});

export const acknowledgeCheckInAction = validatedAction("acknowledgeCheckIn", ZCheckInTarget, async (viewer, input) => {
  await acknowledgeCheckIn(viewer, input, publicUrl());
  return done(input.requestId, "check-in-acknowledged");
});

/** The second approver confirms a proposed grant: it is made now, and the requester is emailed. */
export const confirmProposalAction = validatedAction("confirmProposal", ZConfirmProposalInput, async (viewer, input) => {
  await confirmProposal(viewer, input, publicUrl());
  revalidatePath("/review");
  redirect(`/review/${input.requestId}?decided=granted`);
});

export const returnProposalAction = reviewAction(
  "returnProposal",
  ZReturnProposalInput,
  (viewer, input) => returnProposal(viewer, input, publicUrl()),
  "proposal-returned-ok",
);
export const declareInterestAction = reviewAction("declareInterest", ZInterestDeclaration, declareInterest, "conflict-saved");
export const decideAppealAction = validatedAction("decideAppeal", ZAppealDecisionInput, async (viewer, input) => {
  await decideAppeal(viewer, input, publicUrl());
  revalidatePath("/review");
  redirect(`/review/${input.requestId}?decided=appeal`);
});
