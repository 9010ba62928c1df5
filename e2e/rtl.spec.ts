// The requester's side in Arabic, the app's right-to-left language: every page is marked
// lang="ar" dir="rtl", speaks Arabic apart from brand names and what people typed, keeps
// addresses and codes left to right, passes axe, and its error summary still moves focus.
// With E2E_SCREENSHOTS=1 each page is also saved to docs/screenshots/ar-*.png (its top 1,400 pixels).
import { randomUUID } from "node:crypto";
import path from "node:path";

import type { Page } from "@playwright/test";

import { completeAnswers } from "../test-support/answers";
import { insertRequestRow, nextReference } from "../test-support/request-rows";

import { createUser, testDb, type TTestUser } from "./support/database";
import { expect, expectAccessible, test } from "./support/fixtures";
import { createRequestIn } from "./support/requests";

test.use({ locale: "ar", extraHTTPHeaders: { "Accept-Language": "ar" } });

const DAY = 86_400_000;

/** Text written left to right as an Arabic sentence holds it: between the Unicode isolates FSI and PDI. */
const isolated = (text: string) => `\u2068${text}\u2069`;
const day = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

/** Latin words the Arabic interface may show: product and brand names, formats, protocols. */
const BRAND_WORDS = new Set(
  "Wikimedia Enterprise API APIs Snapshot On-demand Realtime Toolforge Cloud VPS Action REST OAuth GNU General Public License JSON Atom endpoint UTC".split(
    " ",
  ),
);

/**
 * The page is in Arabic, right to left, under this heading; apart from brand names, no Latin
 * word is left in the interface. What people typed (isolated with <bdi>, dir="auto" or
 * dir="ltr"), form values, addresses and references are theirs, not the interface's; text marked
 * as another language (the language menu names each language in itself) is that language's.
 */
async function expectArabicPage(page: Page, heading: string) {
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
  await expect(page).toHaveTitle(/[\u0600-\u06FF]/);
  const interfaceText = await page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    for (const node of body.querySelectorAll("bdi, [dir='auto'], [dir='ltr'], [lang]:not([lang='ar']), code, script, style, option:not([value=''])"))
      node.remove();
    const labels = [...document.querySelectorAll("[aria-label], [title], [placeholder]")].flatMap((node) =>
      ["aria-label", "title", "placeholder"].map((name) => node.getAttribute(name) ?? ""),
    );
    // A detached copy is not rendered: its innerText would be its textContent anyway.
    return [body.textContent ?? "", ...labels].join("\n");
  });
  const leftovers = interfaceText
    // Text between the isolates FSI and PDI is left to right on purpose: codes, addresses, references.
    .replace(/\u2068[^\u2069]*\u2069/g, "")
    .replace(/\S+@\S+\.\w+/g, "")
    .replace(/https?:\/\/\S+/g, "")
    .replace(/EA-\d{4}-\d+/g, "")
    .match(/[A-Za-z][A-Za-z-]*/g)
    ?.filter((word) => !BRAND_WORDS.has(word));
  expect(leftovers ?? [], `English left in the interface of ${page.url()}`).toEqual([]);
}

async function screenshot(page: Page, name: string) {
  if (!process.env.E2E_SCREENSHOTS) return;
  await page.setViewportSize({ width: 1024, height: 720 });
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.screenshot({
    path: path.join("docs", "screenshots", `ar-${name}.png`),
    fullPage: true,
    clip: { x: 0, y: 0, width: 1024, height: Math.min(height, 1400) },
  });
}

/** A request of `requester`'s written as the app would have left it, with answers in English, as many are. */
async function createOwnRequest(
  requester: TTestUser,
  status: "DRAFT" | "GRANTED" | "DECLINED" | "AWAITING_REQUESTER",
  answers: object = completeAnswers(day(7)),
) {
  const id = `test_${randomUUID()}`;
  const reference = status === "DRAFT" ? null : await nextReference(testDb());
  const expiresAt = status === "GRANTED" ? new Date(Date.now() + 200 * DAY) : null;
  await insertRequestRow(testDb(), {
    id,
    reference,
    requesterId: requester.id,
    status,
    answers,
    submittedAt: reference ? new Date(Date.now() - 20 * DAY) : null,
    expiresAt,
  });
  // The contact address in the answers was confirmed long ago, so mail goes there and no notice asks for it.
  await testDb().query(
    `INSERT INTO "ContactAddress" (id, "userId", email, "confirmedAt") VALUES ($1, $2, 'ada@example.org', now()) ON CONFLICT ("userId", email) DO NOTHING`,
    [randomUUID(), requester.id],
  );
  return { id, reference: reference ?? "", expiresAt };
}

async function addHistory(requestId: string, reference: string, actorId: string, actions: string[]) {
  for (const [index, action] of actions.entries()) {
    await testDb().query(`INSERT INTO "AuditEntry" (id, at, "actorId", action, "subjectType", "subjectId", after) VALUES ($1, $2, $3, $4, 'request', $5, $6)`, [
      randomUUID(),
      new Date(Date.now() - (20 - index * 3) * DAY),
      actorId,
      action,
      requestId,
      JSON.stringify({ reference }),
    ]);
  }
}

test("the start page is in Arabic, right to left", async ({ page }) => {
  await page.goto("/");
  await expectArabicPage(page, "اطلب وصولًا استثنائيًا إلى Wikimedia Enterprise");
  await expect(page.getByRole("link", { name: "ابدأ طلبًا" })).toBeVisible();
  // The start button sits at the right, where Arabic lines begin.
  const column = (await page.locator("main .page").boundingBox())!;
  const button = (await page.getByRole("link", { name: "ابدأ طلبًا" }).boundingBox())!;
  expect(button.x).toBeGreaterThan(column.x + column.width / 2);
  await expectAccessible(page);
  await screenshot(page, "home");
});

test("sign-in: Arabic, the address typed left to right, and the error summary leads to the field", async ({ page }) => {
  await page.goto("/signin");
  await expectArabicPage(page, "تسجيل الدخول");
  const email = page.getByLabel("عنوان البريد الإلكتروني");
  await expect(email).toHaveAttribute("dir", "ltr");
  await page.getByRole("button", { name: "أرسل لي رابط تسجيل الدخول" }).click();
  const summary = page.getByRole("alert", { name: "هناك مشكلة" });
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(/^خطأ: /);
  await summary.getByRole("link", { name: "أدخل عنوان بريدك الإلكتروني" }).click();
  await expect(email).toBeFocused();
  await expectAccessible(page);
  await screenshot(page, "signin");
});

test("a question page with errors: Arabic messages, each linked to its field", async ({ page, signInAs }) => {
  const requester = await signInAs("REQUESTER");
  const draft = await createOwnRequest(requester, "DRAFT", {});
  await page.goto(`/requests/${draft.id}/who`);
  await expectArabicPage(page, "مَن");
  await expect(page.getByLabel("اسم المستخدم لحساب Enterprise API")).toHaveAttribute("dir", "ltr");
  await expect(page.getByLabel("البريد الإلكتروني للتواصل")).toHaveAttribute("dir", "ltr");
  await expect(page.getByLabel("الاسم الكامل لمسؤول التواصل")).toHaveAttribute("dir", "auto");

  await page.getByRole("button", { name: "احفظ وتابِع" }).click();
  const summary = page.getByRole("alert", { name: "هناك مشكلة" });
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(/^خطأ: /);
  await expect(summary.getByRole("link").first()).toHaveText("اختر مَن يقدّم الطلب");
  for (const message of ["أدخل اسم مسؤول التواصل", "أدخل عنوان بريدك الإلكتروني", "أدخل اسم المستخدم لحسابك في Enterprise API", "اختر بلدًا"]) {
    await expect(summary.getByRole("link", { name: message })).toBeVisible();
  }
  for (const [message, field] of [
    ["أدخل اسم مسؤول التواصل", "contactName"],
    ["اختر بلدًا", "country"],
    ["اختر مَن يقدّم الطلب", "requesterKind"],
  ]) {
    await summary.getByRole("link", { name: message }).click();
    await expect(page.locator(`[id="${field}"]`)).toBeFocused();
  }
  await expectArabicPage(page, "مَن");
  await expectAccessible(page);
  await page.locator(".error-summary").focus();
  await screenshot(page, "form-errors");
});

test("check your answers: Arabic questions, the person's English answers kept left to right", async ({ page, signInAs }) => {
  const requester = await signInAs("REQUESTER");
  const draft = await createOwnRequest(requester, "DRAFT");
  await page.goto(`/requests/${draft.id}/check`);
  await expectArabicPage(page, "راجع إجاباتك قبل الإرسال");
  const purpose = page.locator("dd", { hasText: "A reading app for schools" });
  await expect(purpose).toHaveAttribute("dir", "auto");
  expect(await purpose.evaluate((node) => getComputedStyle(node).direction)).toBe("ltr");
  await expect(page.locator("bdi", { hasText: "ada@example.org" })).toBeVisible();
  await expect(page.getByText("المملكة المتحدة")).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "check-answers");
});

test("the requester's request page: decision, dates, messages and history in Arabic", async ({ page, signInAs }) => {
  const requester = await signInAs("REQUESTER");
  const reviewer = await createUser("WMF_REVIEWER");
  const request = await createOwnRequest(requester, "GRANTED");
  await testDb().query(
    `INSERT INTO "Decision" (id, "requestId", outcome, "decidedById", message, criteria, apis, "onDemandPerMonth", "snapshotFrequency", realtime, "startsAt", "expiresAt")
     VALUES ($1, $2, 'GRANTED', $3, $4, '{who,need}', '{snapshot,on_demand}', 250000, 'twice_monthly', false, $5, $6)`,
    [randomUUID(), request.id, reviewer.id, "يسعدنا دعم مشروعكم. Please send us your yearly report.", new Date(Date.now() - 2 * DAY), request.expiresAt],
  );
  await testDb().query(
    `INSERT INTO "InformationRequest" (id, "requestId", "askedById", question, "replyBy", "createdAt", answer, "answeredAt") VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      randomUUID(),
      request.id,
      reviewer.id,
      "Which editions first?",
      new Date(Date.now() - 3 * DAY),
      new Date(Date.now() - 10 * DAY),
      "English and Swahili, then Yoruba.",
      new Date(Date.now() - 8 * DAY),
    ],
  );
  await testDb().query(`INSERT INTO "Comment" (id, "requestId", "authorId", kind, body) VALUES ($1, $2, $3, 'MESSAGE', $4)`, [
    randomUUID(),
    request.id,
    reviewer.id,
    "شكرًا على ردكم السريع.",
  ]);
  await addHistory(request.id, request.reference, requester.id, [
    "request.created",
    "request.submitted",
    "request.information_requested",
    "request.information_answered",
    "request.granted",
  ]);

  await page.goto(`/requests/${request.id}`);
  // The reference is set in its own <bdi>, which isolates it in the heading.
  await expectArabicPage(page, `الطلب ${request.reference}`);
  await expect(page.getByText("مقبول", { exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "وصولك الاستثنائي" })).toBeVisible();
  await expect(page.getByText("واجهة On-demand، حتى 250,000 طلب شهريًا")).toBeVisible();
  // The reference is isolated, so the full stop after it stays at the end of the Arabic sentence.
  await expect(page.getByText(`قدّمت الطلب. الرقم المرجعي: ${request.reference}.`)).toBeVisible();
  // Dates in Arabic month names.
  await expect(page.locator(".notice--success")).toContainText(/وصولك سارٍ حتى \d{1,2} [\u0600-\u06FF]+ \d{4}/);
  await expect(page.getByText(/^من \d{1,2} [\u0600-\u06FF]+ \d{4} إلى \d{1,2} [\u0600-\u06FF]+ \d{4} \(ضمنًا\)$/)).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "request");
});

test("a declined request names the criteria not met, in Arabic list punctuation", async ({ page, signInAs }) => {
  const requester = await signInAs("REQUESTER");
  const reviewer = await createUser("WMF_REVIEWER");
  const request = await createOwnRequest(requester, "DECLINED");
  await testDb().query(
    `INSERT INTO "Decision" (id, "requestId", outcome, "decidedById", message, criteria) VALUES ($1, $2, 'DECLINED', $3, $4, '{who,need,values}')`,
    [randomUUID(), request.id, reviewer.id, "The free account covers this volume."],
  );
  await page.goto(`/requests/${request.id}`);
  // The reference is set in its own <bdi>, which isolates it in the heading.
  await expectArabicPage(page, `الطلب ${request.reference}`);
  const criteria = page.locator(".summary-list__row", { hasText: "المعايير غير المستوفاة" });
  await expect(criteria.locator("dd")).toHaveText("مَن، والحاجة، والتوافق مع القيم");
  await expect(page.getByRole("button", { name: "ابدأ طلبًا جديدًا من هذا الطلب" })).toBeVisible();
});

test("a question to answer: the form and the reviewer's words in Arabic and left to right", async ({ page, signInAs }) => {
  const requester = await signInAs("REQUESTER");
  const reviewer = await createUser("WMF_REVIEWER");
  const request = await createOwnRequest(requester, "AWAITING_REQUESTER");
  await testDb().query(`INSERT INTO "InformationRequest" (id, "requestId", "askedById", question, "replyBy", sections) VALUES ($1, $2, $3, $4, $5, '{who}')`, [
    randomUUID(),
    request.id,
    reviewer.id,
    "How many schools use the app today?",
    new Date(Date.now() + 14 * DAY),
  ]);
  await addHistory(request.id, request.reference, requester.id, ["request.created", "request.submitted", "request.information_requested"]);

  await page.goto(`/requests/${request.id}`);
  // The reference is set in its own <bdi>, which isolates it in the heading.
  await expectArabicPage(page, `الطلب ${request.reference}`);
  await expect(page.getByText("How many schools use the app today?")).toHaveAttribute("dir", "auto");
  await expect(page.getByLabel("إجابتك")).toHaveAttribute("dir", "auto");
  await page.getByRole("button", { name: "أرسل إجابتك" }).click();
  const summary = page.getByRole("alert", { name: "هناك مشكلة" });
  await summary.getByRole("link", { name: "اكتب إجابتك" }).click();
  await expect(page.getByLabel("إجابتك")).toBeFocused();
  await expectAccessible(page);
  await screenshot(page, "request-question");
});

test("the list of requests and the personal data page are in Arabic", async ({ page, signInAs }) => {
  const requester = await signInAs("REQUESTER");
  const request = await createOwnRequest(requester, "GRANTED");
  await page.goto("/requests");
  await expectArabicPage(page, "طلباتك");
  await expect(page.getByRole("row").filter({ hasText: request.reference })).toContainText("مقبول");
  await expectAccessible(page);
  await screenshot(page, "requests");

  await page.goto("/account");
  await expectArabicPage(page, "بياناتك");
  await expect(page.getByText("طلب واحد", { exact: true })).toBeVisible();
  await expectAccessible(page);
});

test("every other page of the requester's journey is in Arabic and passes axe", async ({ page, signInAs }) => {
  const requester = await signInAs("REQUESTER");
  const draft = await createOwnRequest(requester, "DRAFT");
  const submitted = await createOwnRequest(requester, "AWAITING_REQUESTER");
  const granted = await createOwnRequest(requester, "GRANTED");
  const pages: [string, string][] = [
    ["/signin/check-email", "تحقّق من بريدك الإلكتروني"],
    ["/signin/error?error=Verification", "لم ينجح تسجيل الدخول"],
    ["/requests/new", "قبل أن تبدأ"],
    [`/requests/${draft.id}`, "طلبك للحصول على وصول استثنائي"],
    [`/requests/${draft.id}/delete`, "هل تريد حذف هذه المسودة؟"],
    [`/requests/${submitted.id}/submitted`, "تم إرسال الطلب"],
    [`/requests/${submitted.id}/cancel`, "هل تريد إلغاء طلبك؟"],
    [`/requests/${granted.id}/give-up`, "إنهاء وصولك قبل موعده"],
    ["/account/erase", "هل تريد محو بياناتك؟"],
  ];
  for (const [path, heading] of pages) {
    await page.goto(path);
    await expectArabicPage(page, heading);
    await expectAccessible(page);
    if (path === `/requests/${draft.id}`) await screenshot(page, "task-list");
  }
});

test("Latin text in Arabic sentences keeps its own direction: web addresses in hints, links in the copy", async ({ page, signInAs }) => {
  const requester = await signInAs("REQUESTER");
  const draft = await createOwnRequest(requester, "DRAFT", {});
  await page.goto(`/requests/${draft.id}/what`);
  await expectArabicPage(page, "ماذا");
  // "http:// or https://" would otherwise read "//:http" at the edge of the Arabic words.
  await expect(page.locator("#links-hint")).toHaveText(
    `عنوان ويب واحد في كل سطر، حتى 10 عناوين، يبدأ كلٌّ منها بـ ${isolated("http://")} أو ${isolated("https://")}.`,
  );
  await page.getByRole("button", { name: "احفظ وتابِع" }).click();
  await expect(page.getByRole("alert", { name: "هناك مشكلة" })).toBeFocused();
  await page.goto(`/requests/${draft.id}/obligation`);
  await expect(page.getByRole("link", { name: "توثيق Wikimedia Enterprise" })).toHaveAttribute("href", "https://enterprise.wikimedia.com/docs/");
  await expectAccessible(page);
  await page.goto("/requests/new");
  await expect(page.getByRole("link", { name: "فأنشئ حسابًا مجانيًا" })).toHaveAttribute("href", "https://enterprise.wikimedia.com/");
});

test("the register: an English entry on the Arabic page keeps its full stop at its end", async ({ page }) => {
  const name = `Open Atlas ${randomUUID().slice(0, 8)}`;
  const grant = await createRequestIn({
    status: "GRANTED",
    expiresAt: new Date(Date.now() + 90 * DAY),
    change: (answers) => {
      answers.values.registerConsent = "on";
    },
    decision: {
      startsAt: new Date(Date.now() - DAY),
      expiresAt: new Date(Date.now() + 90 * DAY),
      apis: ["snapshot"],
      publicName: name,
      publicSummary: "Maps of how Wikipedia covers places.",
    },
  });
  await page.goto(`/register?reference=${grant.reference}`);
  await expectArabicPage(page, "السجل العام للوصول الاستثنائي");
  const entry = page.getByRole("article", { name });
  const summary = entry.getByText("Maps of how Wikipedia covers places.");
  await expect(summary).toHaveAttribute("dir", "auto");
  // Laid out left to right, so the full stop ends the English line rather than starting it.
  expect(await summary.evaluate((node) => getComputedStyle(node).direction)).toBe("ltr");
  await expect(entry.locator("bdi", { hasText: grant.reference })).toBeVisible();
  await expectAccessible(page);
});

test("a missing page is in Arabic too", async ({ page }) => {
  await page.goto("/no-such-page");
  await expectArabicPage(page, "الصفحة غير موجودة");
});
