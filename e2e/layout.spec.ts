// Layout on real screen sizes: no page scrolls sideways on a phone (390 px, and 320 px for the
// pages requesters and visitors see), in English and in Arabic, right to left (reviewer and admin
// pages are visited with ?uselang=ar too: they fall back to English and must still fit); the
// header stays on one line on a desktop screen for every role; the review queue's filters sit on
// a grid.
import { randomUUID } from "node:crypto";

import type { Page } from "@playwright/test";

import { SECTION_IDS } from "../lib/domain/request/sections";
import { completeAnswers } from "../test-support/answers";
import { insertDecisionRow, insertRequestRow, nextReference } from "../test-support/request-rows";

import { createSession, createUser, recordNoConflict, testDb, type TTestUser } from "./support/database";
import { expect, expectAccessible, test } from "./support/fixtures";
import { createRequestIn, createSubmittedRequest } from "./support/requests";
import { baseURL } from "./support/settings";

const DAY = 86_400_000;
const day = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

/** An address as long as real ones get, which the header and the pages must fit on a phone. */
const LONG_PREFIX = "mariafernanda.rodriguezvillanueva.researchoffice";

const PUBLIC_PAGES = [
  "/",
  "/signin",
  "/signin/check-email",
  "/signin/error?error=Verification",
  "/contact/confirm?token=not-a-token",
  "/register",
  "/register?status=ended",
  "/figures",
  "/figures?from=2011-02-30&to=2011-01-01",
  "/no-such-page",
];

/** The address with ?uselang= added, keeping what it asks already. */
function inLanguage(path: string, language: string) {
  return `${path}${path.includes("?") ? "&" : "?"}uselang=${language}`;
}

/** The phone widths every requester's and visitor's page must fit. */
const PHONES = [390, 320];

/**
 * Each of the pages, loaded once and looked at in each width (the window narrowed under the
 * loaded page, as a phone turned or a window dragged would): the ones wider than the window.
 */
async function overflowing(page: Page, paths: string[], language: string, widths: number[] = PHONES) {
  const wide: string[] = [];
  for (const path of paths) {
    await page.setViewportSize({ width: widths[0]!, height: 800 });
    await page.goto(inLanguage(path, language));
    wide.push(...(await inEachWidth(page, path, widths)));
  }
  return wide;
}

/** The page as it is now, in each width in turn. */
async function inEachWidth(page: Page, label: string, widths: number[]) {
  const wide: string[] = [];
  for (const width of widths) {
    await page.setViewportSize({ width, height: 800 });
    wide.push(...(await sideways(page, `${label} at ${width} px`)));
  }
  return wide;
}

/** The page as it is now, if it is wider than the window: its address, width and the widest elements. */
async function sideways(page: Page, label: string) {
  const { scrollWidth, innerWidth, culprits } = await page.evaluate(() => {
    const innerWidth = window.innerWidth;
    const culprits = [...document.querySelectorAll("body *")]
      .filter((element) => {
        const box = element.getBoundingClientRect();
        return box.width > 0 && (box.right > innerWidth + 1 || box.left < -1);
      })
      .slice(0, 3)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`);
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth, culprits };
  });
  return scrollWidth <= innerWidth ? [] : [`${label}: ${scrollWidth} px in ${innerWidth} (${culprits.join(", ")})`];
}

/** A request of `requester`'s as the app would have left it, with its decision when it has one. */
async function ownRequest(requester: TTestUser, status: "DRAFT" | "AWAITING_REQUESTER" | "GRANTED" | "DECLINED", answers: object = completeAnswers(day(7))) {
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
  if (status === "GRANTED" || status === "DECLINED") {
    const reviewer = await createUser("WMF_REVIEWER");
    await insertDecisionRow(testDb(), {
      requestId: id,
      decidedById: reviewer.id,
      outcome: status,
      startsAt: status === "GRANTED" ? new Date(Date.now() - 2 * DAY) : null,
      expiresAt,
      apis: ["snapshot", "on_demand"],
    });
  }
  if (status === "AWAITING_REQUESTER") {
    const reviewer = await createUser("WMF_REVIEWER");
    await testDb().query(`INSERT INTO "InformationRequest" (id, "requestId", "askedById", question, "replyBy") VALUES ($1, $2, $3, $4, $5)`, [
      randomUUID(),
      id,
      reviewer.id,
      "How many schools use the app today, and in which countries?",
      new Date(Date.now() + 14 * DAY),
    ]);
  }
  return id;
}

/** Every page a requester with requests in each state can open. */
async function requesterPages(requester: TTestUser) {
  const draft = await ownRequest(requester, "DRAFT");
  const empty = await ownRequest(requester, "DRAFT", {});
  const awaiting = await ownRequest(requester, "AWAITING_REQUESTER");
  const granted = await ownRequest(requester, "GRANTED");
  const declined = await ownRequest(requester, "DECLINED");
  return [
    "/requests",
    "/account",
    "/account/erase",
    "/requests/new",
    `/requests/${draft}`,
    ...SECTION_IDS.map((section) => `/requests/${draft}/${section}`),
    `/requests/${empty}/what`,
    `/requests/${draft}/check`,
    `/requests/${draft}/delete`,
    `/requests/${awaiting}`,
    `/requests/${awaiting}/submitted`,
    `/requests/${awaiting}/cancel`,
    `/requests/${granted}`,
    `/requests/${granted}/give-up`,
    `/requests/${declined}`,
  ];
}

/** A section page with every error showing, as after saving it empty. */
async function sectionWithErrors(page: Page, requester: TTestUser, language: string) {
  const empty = await ownRequest(requester, "DRAFT", {});
  await page.goto(inLanguage(`/requests/${empty}/who`, language));
  await page.locator("main form button[type=submit]:visible").first().click();
  await expect(page.locator(".error-summary")).toBeFocused();
  return inEachWidth(page, "the Who section with its errors", PHONES);
}

for (const language of ["en", "ar"]) {
  test.describe(`on a phone, in ${language}`, () => {
    // Each test walks through every page of a persona: a score of pages, not one.
    test.describe.configure({ timeout: 180_000 });
    test.describe("390 and 320 px wide", () => {
      test("no public page scrolls sideways", async ({ page }) => {
        expect(await overflowing(page, PUBLIC_PAGES, language)).toEqual([]);
      });

      test("no page of a requester's scrolls sideways, even with a long address", async ({ page, signInAs }) => {
        const requester = await signInAs("REQUESTER", LONG_PREFIX);
        const paths = await requesterPages(requester);
        const wide = await overflowing(page, paths, language);
        wide.push(...(await sectionWithErrors(page, requester, language)));
        expect(wide).toEqual([]);
      });
    });

    test.describe("390 px wide", () => {
      test.use({ viewport: { width: 390, height: 800 } });

      test("no reviewer's page scrolls sideways", async ({ page, signInAs }) => {
        const reviewer = await signInAs("WMF_REVIEWER", LONG_PREFIX);
        const submitted = await createSubmittedRequest();
        const taken = await createRequestIn({ status: "IN_REVIEW" });
        await testDb().query(`UPDATE "Request" SET "assigneeId" = $2 WHERE id = $1`, [taken.id, reviewer.id]);
        // Declared no conflict of interest, so the decision form is theirs to see.
        await recordNoConflict(taken.id, reviewer.id);
        const granted = await createRequestIn({
          status: "GRANTED",
          expiresAt: new Date(Date.now() + 100 * DAY),
          decision: { startsAt: new Date(), expiresAt: new Date(Date.now() + 100 * DAY), apis: ["snapshot"] },
        });
        const paths = [
          "/review",
          "/review?view=in_review&sort=newest",
          "/review?view=joint",
          "/review?view=decided",
          "/review/dashboard",
          `/review/${submitted.id}`,
          `/review/${taken.id}`,
          `/review/${taken.id}/decide`,
          `/review/${granted.id}`,
        ];
        expect(await overflowing(page, paths, language, [390])).toEqual([]);
      });

      test("no admin page scrolls sideways", async ({ page, signInAs }) => {
        await signInAs("ADMIN", LONG_PREFIX);
        const person = await createUser("REQUESTER", LONG_PREFIX);
        const paths = ["/admin/users", `/admin/users?q=${encodeURIComponent(person.email)}`, "/admin/emails", "/admin/conflicts", "/review"];
        expect(await overflowing(page, paths, language, [390])).toEqual([]);
      });
    });
  });
}

/** The vertical middle of each element the locator finds, rounded to the pixel. */
async function middles(page: Page, selector: string) {
  return page.locator(selector).evaluateAll((elements) =>
    elements.map((element) => {
      const box = element.getBoundingClientRect();
      return Math.round(box.top + box.height / 2);
    }),
  );
}

const ROLES = ["REQUESTER", "WMF_REVIEWER", "WMDE_REVIEWER", "ADMIN"] as const;

test.describe("the header on a desktop screen (1280 px)", () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  for (const language of ["en", "de"]) {
    test(`keeps the title, the links and the account menu on one line for every role, in ${language}`, async ({ browser }) => {
      for (const role of ROLES) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        const user = await createUser(role, LONG_PREFIX);
        const token = await createSession(user.id);
        await context.addCookies([{ name: "authjs.session-token", value: token, url: baseURL, httpOnly: true, sameSite: "Lax" }]);
        const page = await context.newPage();
        await page.goto(inLanguage(role === "REQUESTER" ? "/requests" : role === "ADMIN" ? "/admin/users" : "/review", language));
        const lines = new Set(await middles(page, ".site-header__title, .site-nav > li"));
        const spread = Math.max(...lines) - Math.min(...lines);
        expect(spread, `${role}: the header's items sit on one line`).toBeLessThanOrEqual(4);
        await context.close();
      }
    });
  }
});

test.describe("the account menu", () => {
  test("holds who is signed in, their role and the way out; a keyboard opens and closes it", async ({ page, signInAs }) => {
    const reviewer = await signInAs("WMF_REVIEWER");
    await page.goto("/review");
    const nav = page.getByRole("navigation", { name: "Main" });
    const toggle = nav.locator("summary");
    await expect(toggle).toHaveText("Account");
    await expect(nav.getByRole("button", { name: "Sign out" })).toBeHidden();
    await toggle.focus();
    await page.keyboard.press("Enter");
    await expect(nav.getByText(reviewer.name)).toBeVisible();
    await expect(nav.getByText("WMF reviewer")).toBeVisible();
    await expect(nav.getByRole("link", { name: "Your data" })).toBeVisible();
    await expect(nav.getByRole("button", { name: "Sign out" })).toBeVisible();
    await expectAccessible(page);
    await page.keyboard.press("Escape");
    await expect(nav.getByRole("button", { name: "Sign out" })).toBeHidden();
    await expect(toggle).toBeFocused();
  });

  test.describe("on a phone", () => {
    test.use({ viewport: { width: 390, height: 800 } });

    test("opens inside the screen, in English and in Arabic", async ({ page, signInAs }) => {
      await signInAs("REQUESTER", LONG_PREFIX);
      for (const language of ["en", "ar"]) {
        await page.goto(inLanguage("/requests", language));
        await page.getByRole("navigation").first().locator("summary").click();
        const panel = page.locator(".account-menu__panel");
        await expect(panel).toBeVisible();
        const box = (await panel.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(390);
        expect(await sideways(page, `/requests?uselang=${language} with the account menu open`)).toEqual([]);
      }
    });
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("opens, and signs out", async ({ page, signInAs }) => {
      await signInAs("REQUESTER");
      await page.goto("/requests");
      await page.getByRole("navigation", { name: "Main" }).locator("summary").click();
      await page.getByRole("button", { name: "Sign out" }).click();
      await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
    });
  });
});

test.describe("the review queue on a desktop screen (1280 px)", () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  for (const language of ["en", "de"]) {
    test(`lines its filters up on a grid, in ${language}`, async ({ page, signInAs }) => {
      await signInAs("WMF_REVIEWER");
      await page.goto(inLanguage("/review", language));
      const form = page.getByRole("search");
      const labels = await form.locator(".label").evaluateAll((elements) =>
        elements.map((element) => {
          const box = element.getBoundingClientRect();
          return { top: Math.round(box.top), height: Math.round(box.height), cut: element.scrollWidth > element.clientWidth };
        }),
      );
      // Every label on one line, shown whole.
      expect(new Set(labels.map((label) => label.height)).size).toBe(1);
      expect(labels.filter((label) => label.cut)).toEqual([]);
      // The controls of a row share their top edge, whatever hint sits under one of them.
      const controls = await form
        .locator(".input, .select")
        .evaluateAll((elements) => elements.map((element) => Math.round(element.getBoundingClientRect().top)));
      const rows = [...new Set(controls)];
      expect(rows.length, "rows of filters").toBeLessThanOrEqual(2);
      // The "Flagged only" box and the Apply button sit level with the controls of their row.
      const lastRow = await middles(page, "form[role=search] .select");
      const level = lastRow.at(-1)!;
      for (const selector of ["form[role=search] .choice", "form[role=search] button[type=submit]"]) {
        const [middle] = await middles(page, selector);
        expect(Math.abs(middle! - level), selector).toBeLessThanOrEqual(2);
      }
    });
  }

  test("shows each request's purpose and how long it has waited, each on one line", async ({ page, signInAs }) => {
    await signInAs("WMF_REVIEWER");
    const request = await createRequestIn({
      status: "SUBMITTED",
      submittedAt: new Date(Date.now() - 38 * DAY),
      change: (answers) => {
        answers.what.purpose = `Layout check ${randomUUID()}: a reading app for schools that works offline, with every article of the week saved for classes without a connection.`;
      },
    });
    await page.goto(`/review?q=${request.reference}`);
    const row = page.getByRole("row").filter({ hasText: request.reference });
    const purpose = row.locator(".queue-purpose");
    await expect(purpose).toContainText("a reading app for schools");
    const waited = row.getByText("38 days", { exact: true });
    await expect(waited).toBeVisible();
    for (const cell of [purpose, waited]) {
      const { height, lineHeight } = await cell.evaluate((element) => ({
        height: element.getBoundingClientRect().height,
        lineHeight: Number.parseFloat(getComputedStyle(element).lineHeight),
      }));
      expect(height).toBeLessThan(lineHeight * 1.5);
    }
  });
});
