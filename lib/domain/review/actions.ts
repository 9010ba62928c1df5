import { z } from "zod";

import { choice, choices, isoDate, LIMITS, recordId, recordVersion, requiredText, text } from "@/lib/domain/request/fields";
import { SECTION_IDS } from "@/lib/domain/request/sections";

/** The request acted on, and the version the person saw (a request changed since is refused, not overwritten). */
export const ZRequestVersion = z.object({ requestId: recordId, version: recordVersion });

export const ZJointMove = ZRequestVersion.extend({
  joint: choice(["in", "out"], "error-invalid").transform((value) => value === "in"),
  reason: requiredText(LIMITS.medium, "error-joint-reason"),
});
export type TJointMove = z.infer<typeof ZJointMove>;

export const ASSESSMENT_RATINGS = ["MET", "PARTLY_MET", "NOT_MET", "CANT_TELL"] as const;

export const ZAssessmentInput = z.object({
  requestId: recordId,
  criterion: choice(SECTION_IDS, "error-invalid"),
  rating: choice(ASSESSMENT_RATINGS, "error-rating"),
  note: text(LIMITS.long),
});
export type TAssessmentInput = z.infer<typeof ZAssessmentInput>;

export const ZCommentInput = z.object({
  requestId: recordId,
  kind: choice(["INTERNAL", "MESSAGE"] as const, "error-invalid"),
  body: requiredText(LIMITS.long, "error-comment-body"),
});
export type TCommentInput = z.infer<typeof ZCommentInput>;

export const ZInformationInput = ZRequestVersion.extend({
  question: requiredText(LIMITS.long, "error-question"),
  replyBy: isoDate.refine((value) => value !== "", "error-reply-by"),
  sections: choices(SECTION_IDS),
});
export type TInformationInput = z.infer<typeof ZInformationInput>;

export const ZInformationAnswer = ZRequestVersion.extend({
  answer: requiredText(LIMITS.long, "error-answer"),
});
export type TInformationAnswer = z.infer<typeof ZInformationAnswer>;
