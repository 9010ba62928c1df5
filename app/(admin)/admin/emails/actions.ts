"use server";

import { redirect } from "next/navigation";
import { z } from "zod";

import { recordId } from "@/lib/domain/request/fields";

import { resendFailedEmail } from "@/lib/jobs/undelivered-emails";
import { validatedAction } from "@/lib/server/action";

const ZResendEmail = z.object({ emailId: recordId });

export const resendEmailAction = validatedAction("resendEmail", ZResendEmail, async (viewer, { emailId }) => {
  await resendFailedEmail(viewer, emailId);
  redirect("/admin/emails?resent=1");
});
