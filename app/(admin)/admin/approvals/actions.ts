"use server";

import { revalidatePath } from "next/cache";

import { ZApprovalPolicyInput } from "@/lib/domain/review/approval";
import { validatedAction } from "@/lib/server/action";
import { saveApprovalPolicy } from "@/lib/server/admin/approvals";

export const saveApprovalPolicyAction = validatedAction("saveApprovalPolicy", ZApprovalPolicyInput, async (viewer, input) => {
  await saveApprovalPolicy(viewer, input);
  revalidatePath("/admin/approvals");
  return { status: "success", message: { key: "admin-approvals-saved" } };
});
