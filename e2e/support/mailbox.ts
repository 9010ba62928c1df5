import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { expect } from "@playwright/test";
import { simpleParser } from "mailparser";

import { mailDir } from "./settings";

export type TReceivedMail = { to: string; subject: string; text: string; html: string; autoSubmitted?: string; replyTo?: string };

/** Every email received so far, oldest first. */
export async function readAll(): Promise<TReceivedMail[]> {
  const files = readdirSync(mailDir)
    .filter((name) => name.endsWith(".eml"))
    .sort();
  return Promise.all(
    files.map(async (name) => {
      const parsed = await simpleParser(readFileSync(path.join(mailDir, name)));
      const to = Array.isArray(parsed.to) ? parsed.to.map((a) => a.text).join(", ") : (parsed.to?.text ?? "");
      return {
        to,
        subject: parsed.subject ?? "",
        text: parsed.text ?? "",
        html: typeof parsed.html === "string" ? parsed.html : "",
        autoSubmitted: parsed.headers.get("auto-submitted")?.toString(),
        replyTo: parsed.replyTo?.text,
      };
    }),
  );
}

/** Waits for the newest email to `to` (decoded from quoted-printable) that matches `subject`. */
export async function waitForMail(to: string, subject?: RegExp): Promise<TReceivedMail> {
  let found: TReceivedMail | undefined;
  await expect
    .poll(
      async () => {
        const matching = (await readAll()).filter((mail) => mail.to.includes(to) && (!subject || subject.test(mail.subject)));
        found = matching.at(-1);
        return Boolean(found);
      },
      { message: `an email to ${to}`, timeout: 15_000 },
    )
    .toBe(true);
  return found!;
}

export function firstLink(mail: TReceivedMail): string {
  const link = mail.text.match(/https?:\/\/\S+/)?.[0];
  if (!link) throw new Error(`No link in the email "${mail.subject}"`);
  return link;
}
