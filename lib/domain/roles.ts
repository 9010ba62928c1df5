import { z } from "zod";

import { recordId } from "@/lib/domain/request/fields";

/** Everyone may ask for access; staff roles add review or administration. */
export const ROLES = ["REQUESTER", "WMF_REVIEWER", "WMDE_REVIEWER", "ADMIN"] as const;
export type TRole = (typeof ROLES)[number];

export function canReview(role: TRole) {
  return role === "WMF_REVIEWER" || role === "WMDE_REVIEWER" || role === "ADMIN";
}

export function canAdminister(role: TRole) {
  return role === "ADMIN";
}

/** WMF reviewers and admins act for the Foundation: they see every request and decide. */
export function actsForWmf(role: TRole) {
  return role === "WMF_REVIEWER" || canAdminister(role);
}

/** WMDE reviewers act for Wikimedia Deutschland: they see and recommend on joint requests only. */
export function actsForWmde(role: TRole) {
  return role === "WMDE_REVIEWER";
}

/** Where a person lands after signing in: the page their role works from. */
export function landingPath(role: TRole) {
  if (canAdminister(role)) return "/admin/users";
  if (canReview(role)) return "/review";
  return "/requests";
}

export const ZRoleChange = z.object({
  userId: recordId,
  role: z.enum(ROLES, { message: "error-role-invalid" }),
  // The role the admin saw; if it changed meanwhile, the change is refused rather than overwritten.
  expectedRole: z.enum(ROLES),
});
export type TRoleChange = z.infer<typeof ZRoleChange>;
