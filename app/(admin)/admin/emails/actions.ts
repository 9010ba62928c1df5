"use server";

import { redirect } from "next/navigation";
import { z } from "zod";

import { resendFailedEmail } from "@/lib/jobs/undelivered-emails";
import { validatedAction } from "@/lib/server/action";

const ZResendEmail = z.object({ emailId: z.string().min(1).max(64) });

export const resendEmailAction = validatedAction("resendEmail", ZResendEmail, async (viewer, { emailId }) => {
  await resendFailedEmail(viewer, emailId);
  redirect("/admin/emails?resent=1");
});
