import { z } from "zod";

import { choice, LIMITS, recordId, requiredText, text } from "@/lib/domain/request/fields";

/** A reviewer's declaration on one request: no conflict of interest, or a conflict with its reason. */
export const ZInterestDeclaration = z
  .object({
    requestId: recordId,
    conflict: choice(["no", "yes"], "error-conflict-choice"),
    reason: text(LIMITS.medium),
  })
  .superRefine((input, context) => {
    if (input.conflict === "yes" && !input.reason) context.addIssue({ code: "custom", path: ["reason"], message: "error-conflict-reason" });
  })
  // A reason goes with a conflict only: "no conflict" keeps none, whatever was typed.
  .transform((input) => ({ requestId: input.requestId, hasConflict: input.conflict === "yes", reason: input.conflict === "yes" ? input.reason : null }));
export type TInterestDeclaration = z.infer<typeof ZInterestDeclaration>;

/** An admin lifts one declared conflict, saying why. */
export const ZConflictLift = z.object({
  declarationId: recordId,
  reason: requiredText(LIMITS.medium, "error-lift-reason"),
});
export type TConflictLift = z.infer<typeof ZConflictLift>;
