import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { longDate } from "@/lib/i18n/format";
import { messagesFor } from "@/lib/i18n/messages";
import { createTranslator } from "@/lib/i18n/translator";

import { scopeSummary } from "../decision-text";
import { contributionsSentence } from "../decision-text";
import { emailWording, REQUEST_EMAIL_KINDS, requestEmail } from "./request-email";
import { signInEmail } from "./sign-in";

describe("request emails", () => {
  for (const kind of REQUEST_EMAIL_KINDS) {
    it(`${kind}: carries the reference and the link in both the plain-text and the HTML part, every placeholder filled`, () => {
      const mail = requestEmail(kind, {
        reference: "EA-2026-0042",
        url: "https://access.example.org/requests/abc",
        detail: "Words",
        more: ["Scope", "1 December 2026", "1 December 2027", "Contributions"],
      });
      assert.match(mail.subject, /EA-2026-0042/);
      assert.equal(mail.kind, kind);
      for (const part of [mail.subject, mail.text, mail.html]) assert.doesNotMatch(part, /\$\d/);
      for (const part of [mail.text, mail.html]) {
        assert.match(part, /EA-2026-0042/);
        assert.match(part, /https:\/\/access\.example\.org\/requests\/abc/);
      }
    });
  }

  it("invite replies only when someone reads them, and otherwise point to the request page", () => {
    const base = { reference: "EA-2026-0042", url: "https://a.example/requests/x" };
    const unread = requestEmail("submitted", base);
    assert.match(unread.text, /Please do not reply to this email: every message about your request is on its page/);
    assert.doesNotMatch(unread.text, /Reply to this email/);
    const read = requestEmail("submitted", { ...base, replies: true });
    assert.match(read.text, /Reply to this email if you have a question/);
    assert.match(requestEmail("submitted", base, "de").text, /Bitte antworten Sie nicht auf diese E-Mail/);
  });

  it("give the scope and the dates of a grant, and the days left in a reminder", () => {
    const granted = requestEmail("granted", {
      reference: "EA-2026-0042",
      url: "https://a.example/requests/x",
      detail: "Welcome",
      more: ["Realtime API", "1 December 2026", "30 November 2027"],
    });
    assert.match(granted.text, /What you get: Realtime API\./);
    assert.match(granted.text, /from 1 December 2026 to 30 November 2027/);
    const { t } = emailWording("en");
    const promised = contributionsSentence(t, [
      { kind: "reports", description: "A yearly report" },
      { kind: "tools", description: "Our packager" },
    ]);
    const withPromises = requestEmail("granted", {
      reference: "EA-2026-0042",
      url: "https://a.example/requests/x",
      more: ["Realtime API", "1", "2", promised],
    });
    assert.match(withPromises.text, /you promised to give back: Reports or research findings: A yearly report; Tools or software: Our packager\./);
    assert.equal(contributionsSentence(t, []), "");
    const reminder = requestEmail("expiry_reminder", { reference: "EA-2026-0042", url: "https://a.example/requests/x", more: ["30 November 2027", "1"] });
    assert.match(reminder.text, /in 1 day\b/);
  });

  it("keep the reference on one line in the HTML part, never wrapped at its hyphens", () => {
    const mail = requestEmail("submitted", { reference: "EA-2026-0042", url: "https://a.example/requests/x" });
    assert.match(mail.html, /<h1[^>]*>[^<]*<span style="white-space:nowrap">EA-2026-0042<\/span>/);
    assert.doesNotMatch(mail.html.replace(/<title>.*<\/title>/, ""), /[^>]EA-2026-0042/, "every reference in the body is set unbroken");
    assert.doesNotMatch(mail.text, /<span/);
  });

  it("never let a reviewer's words become markup in the HTML part", () => {
    const mail = requestEmail("message", {
      reference: "EA-2026-0042",
      url: "https://access.example.org/requests/abc",
      detail: `<script>alert("x")</script><a href="https://evil.example">click</a>`,
    });
    assert.doesNotMatch(mail.html, /<script>|<a href="https:\/\/evil/);
    assert.match(mail.html, /&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt;/);
    assert.match(mail.text, /<script>alert\("x"\)<\/script>/);
  });

  it("give the question and its reference to the requester asked for information", () => {
    const mail = requestEmail("information_requested", { reference: "EA-2026-0007", url: "https://a.example/requests/x", detail: "How often?" });
    assert.match(mail.text, /How often\?/);
    assert.match(mail.subject, /A question about your request EA-2026-0007/);
  });
});

describe("emails in German", () => {
  it("word the subject, the text and the dates in the recipient's language", () => {
    const { locale, t, formats } = emailWording("de");
    const scope = scopeSummary(t, { apis: ["on_demand", "realtime"], onDemandPerMonth: 250_000, snapshotFrequency: null }, formats);
    const mail = requestEmail(
      "granted",
      {
        reference: "EA-2026-0042",
        url: "https://a.example/requests/x",
        detail: "Willkommen",
        more: [scope, longDate("2026-12-01", formats), longDate("2027-11-30", formats)],
      },
      locale,
    );
    assert.equal(mail.subject, "Ihr Antrag EA-2026-0042 ist bewilligt");
    assert.match(mail.text, /Sie erhalten: On-demand API, bis zu 250\.000 Abfragen im Monat; Realtime API\./);
    assert.match(mail.text, /vom 1\. Dezember 2026 bis einschließlich 30\. November 2027/);
    assert.match(mail.text, /Ihren Antrag ansehen: https:\/\/a\.example\/requests\/x/);
    assert.match(mail.html, /<html lang="de" dir="ltr">/);
  });

  it("sign in in German when the link was asked for on a German page", () => {
    const { t } = emailWording("de");
    const mail = signInEmail(t, "de", "https://access.example.org/api/auth/callback/nodemailer?token=abc", "access.example.org");
    assert.equal(mail.subject, "Ihr Anmeldelink");
    assert.match(mail.text, /60 Minuten gültig/);
  });
});

describe("the sign-in email", () => {
  it("says how long the link works and where it leads", () => {
    const t = createTranslator("en", messagesFor("en"));
    const mail = signInEmail(t, "en", "https://access.example.org/api/auth/callback/nodemailer?token=abc", "access.example.org");
    assert.match(mail.text, /60 minutes/);
    assert.match(mail.text, /access\.example\.org/);
    assert.match(mail.html, /lang="en" dir="ltr"/);
  });
});
