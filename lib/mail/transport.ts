import "server-only";

import nodemailer, { type Transporter } from "nodemailer";

import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { log, maskEmail } from "@/lib/log";

import { assertOneAddress } from "./recipient";

/** One email; `messageId` (optional) lets receiving servers recognise a resend of the same email. */
export type TMail = { to: string; subject: string; text: string; html: string; messageId?: string };

/**
 * What goes to SMTP for one email: the sender, where replies go when REPLY_TO is set, and
 * `Auto-Submitted: auto-generated` (RFC 3834), since a program writes every one of them: auto-
 * responders then know not to answer, and a vacation notice does not land in a reviewer's queue.
 */
export function envelopeOf(mail: TMail, { mailFrom, replyTo }: { mailFrom: string; replyTo?: string }) {
  return { from: mailFrom, ...(replyTo ? { replyTo } : {}), headers: { "Auto-Submitted": "auto-generated" }, ...mail };
}

let transporter: Transporter | undefined;

/**
 * Sends one email through SMTP_URL. Without it (never in production: the start refuses) the mail
 * is kept for the development mailbox page instead, so a fresh checkout can sign in.
 */
export async function sendMail(mail: TMail) {
  // Checked again where mail leaves: nodemailer would read "a@x.org, b@y.org" as two recipients.
  assertOneAddress(mail.to);
  const { smtpUrl, mailFrom, replyTo, production } = env();
  if (smtpUrl) {
    transporter ??= nodemailer.createTransport(smtpUrl);
    await transporter.sendMail(envelopeOf(mail, { mailFrom, replyTo }));
    log.info("mail.sent", { to: maskEmail(mail.to), subject: mail.subject });
    return;
  }
  if (production) throw new Error("SMTP_URL is not set");
  await db().devMail.create({ data: { to: mail.to, subject: mail.subject, text: mail.text, html: mail.html } });
  log.info("mail.kept_for_dev_mailbox", { to: maskEmail(mail.to), subject: mail.subject });
}
