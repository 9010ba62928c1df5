"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { ZDeclineInput, ZExtendInput, ZGrantInput, ZHumanRightsInput, ZRecommendationInput, ZWithdrawInput } from "@/lib/domain/review/decisions";
import { ZAssessmentInput, ZCommentInput, ZInformationInput, ZJointMove, ZRequestVersion } from "@/lib/domain/review/actions";
import { publicUrl } from "@/lib/env";
import type { TActionState } from "@/lib/form-state";
import { getI18n } from "@/lib/i18n/server";
import { validatedAction } from "@/lib/server/action";
import { enforceRateLimit } from "@/lib/server/rate-limit";
import { declineRequest, extendGrant, grantRequest, recordHumanRights, recordRecommendation, withdrawGrant } from "@/lib/server/review/decisions";
import { addComment, askForInformation, moveJoint, releaseRequest, saveAssessment, takeRequest } from "@/lib/server/review/request";

function done(requestId: string, key: NonNullable<TActionState["message"]>["key"]): TActionState {
  revalidatePath(`/review/${requestId}`);
  revalidatePath("/review");
  return { status: "success", message: { key } };
}

export const takeRequestAction = validatedAction("takeRequest", ZRequestVersion, async (viewer, input) => {
  await takeRequest(viewer, input);
  return done(input.requestId, "review-assigned-ok");
});

export const releaseRequestAction = validatedAction("releaseRequest", ZRequestVersion, async (viewer, input) => {
  await releaseRequest(viewer, input);
  return done(input.requestId, "review-released-ok");
});

export const moveJointAction = validatedAction("moveJoint", ZJointMove, async (viewer, input) => {
  await moveJoint(viewer, input, publicUrl());
  return done(input.requestId, "review-routing-moved");
});

export const saveAssessmentAction = validatedAction("saveAssessment", ZAssessmentInput, async (viewer, input) => {
  await saveAssessment(viewer, input);
  return done(input.requestId, "review-assess-saved");
});

export const addCommentAction = validatedAction("addComment", ZCommentInput, async (viewer, input) => {
  // Messages reach the requester by email; internal notes stay among reviewers and are not limited.
  if (input.kind === "MESSAGE") await enforceRateLimit("message", viewer.id);
  await addComment(viewer, input, publicUrl());
  return done(input.requestId, "review-comment-added");
});

export const askForInformationAction = validatedAction("askForInformation", ZInformationInput, async (viewer, input) => {
  await askForInformation(viewer, input, publicUrl());
  return done(input.requestId, "review-info-sent");
});

export const recordRecommendationAction = validatedAction("recordRecommendation", ZRecommendationInput, async (viewer, input) => {
  await recordRecommendation(viewer, input);
  return done(input.requestId, "recommend-saved");
});

export const recordHumanRightsAction = validatedAction("recordHumanRights", ZHumanRightsInput, async (viewer, input) => {
  await recordHumanRights(viewer, input);
  return done(input.requestId, "human-rights-saved");
});

export const grantAction = validatedAction("grant", ZGrantInput, async (viewer, input) => {
  await grantRequest(viewer, input, publicUrl());
  revalidatePath("/review");
  redirect(`/review/${input.requestId}?decided=granted`);
});

export const declineAction = validatedAction("decline", ZDeclineInput, async (viewer, input) => {
  await declineRequest(viewer, input, publicUrl());
  revalidatePath("/review");
  redirect(`/review/${input.requestId}?decided=declined`);
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
