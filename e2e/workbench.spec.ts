// The reviewer's workbench: the request at a glance beside its answers, the next step in reach,
// assessing in place, and the conversation apart.
import type { Locator, Page } from "@playwright/test";

import { SECTION_IDS } from "../lib/domain/request/sections";

import { createSession, createUser, moveStatus, recordNoConflict, testDb, type TTestUser } from "./support/database";
import { expect, expectAccessible, test } from "./support/fixtures";
import { createSubmittedRequest, wikidataHeavy, type TSubmitted } from "./support/requests";
import { openDisclosure } from "./support/review";
import { baseURL } from "./support/settings";

/**
 * The reviewer's request page for the fully assessed request below, at 1280 px wide, as it was
 * before the workbench: one column, each criterion's assessment form open under its answers.
 */
const STACKED_PAGE_HEIGHT = 7369;

const NOTE = "Read against the published criterion; the answers hold up, with one open point for the call.";

/** A joint request in review, held by `holder`, with every criterion assessed by a WMF and a WMDE reviewer. */
async function fullyAssessed(holder: TTestUser): Promise<TSubmitted & { wmde: TTestUser }> {
  const request = await createSubmittedRequest((answers) => {
    wikidataHeavy(answers);
    Object.assign(answers.values, { generativeAi: "yes", aiEthics: "We are careful." });
  });
  await moveStatus(request.id, "IN_REVIEW", `"assigneeId" = $3`, [holder.id]);
  await recordNoConflict(request.id, holder.id);
  const wmde = await createUser("WMDE_REVIEWER", "wmde-assessor");
  for (const [reviewer, organisation] of [
    [holder, "WMF"],
    [wmde, "WMDE"],
  ] as const) {
    for (const [index, criterion] of SECTION_IDS.entries()) {
      await testDb().query(
        `INSERT INTO "Assessment" (id, "requestId", "reviewerId", organisation, criterion, rating, note, "updatedAt")
         VALUES ($1, $2, $3, $4, $5, $6, $7, now())`,
        [`${request.id}_${organisation}_${criterion}`, request.id, reviewer.id, organisation, criterion, index % 2 === 0 ? "MET" : "PARTLY_MET", NOTE],
      );
    }
  }
  return { ...request, wmde };
}

async function expectOnFirstScreen(page: Page, name: string, element: Locator) {
  const box = await element.boundingBox();
  expect(box, `${name} is on the page`).not.toBeNull();
  expect(box!.y, `${name} starts on the first screen`).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, `${name} ends on the first screen`).toBeLessThanOrEqual(page.viewportSize()!.height);
}

test("at 1280 by 900 the summary, the flags, the scorecard and the next step show on load, beside the answers", async ({ page, signInAs }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const reviewer = await signInAs("WMF_REVIEWER");
  const request = await fullyAssessed(reviewer);
  await page.goto(`/review/${request.id}`);

  await expectOnFirstScreen(page, "the summary card", page.getByRole("region", { name: "At a glance" }));
  await expectOnFirstScreen(page, "the flags", page.getByRole("region", { name: /^Flags/ }));
  await expectOnFirstScreen(page, "the scorecard", page.getByRole("table", { name: "Assessments" }));
  await expectOnFirstScreen(page, "the primary action", page.getByRole("link", { name: "Grant or decline" }));
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  expect(height, "the page is at most half as tall as the stacked page it replaces").toBeLessThanOrEqual(STACKED_PAGE_HEIGHT / 2);

  // The summary reads from the answers; the scorecard has every criterion by both organisations, each cell linking to its note.
  const summary = page.getByRole("region", { name: "At a glance" });
  await expect(summary).toContainText("Ada Lovelace, A non-profit organisation");
  await expect(summary).toContainText("Wikidata: 300,000 requests and 2 snapshots a month");
  await expect(summary).toContainText("Joint WMF/WMDE review");
  const scorecard = page.getByRole("table", { name: "Assessments" });
  await expect(scorecard.getByRole("row")).toHaveCount(7);
  const valuesByWmde = scorecard
    .getByRole("row", { name: /^Values alignment/ })
    .getByRole("cell")
    .nth(1);
  await expect(valuesByWmde).toContainText("Partly met");
  await expect(valuesByWmde).toContainText(request.wmde.name);
  // Each criterion's ratings show under its answers, the notes a click away; a rating in the scorecard opens its note.
  const values = page.getByRole("region", { name: "Values alignment" });
  await expect(values.locator("summary").filter({ hasText: "Read the 2 notes" })).toContainText("WMF Partly met · WMDE Partly met");
  await expect(values.getByText(NOTE).first()).toBeHidden();
  await valuesByWmde.getByRole("link", { name: "Partly met" }).click();
  await expect(page.locator(":target")).toBeVisible();
  await expect(page.locator(":target")).toContainText(NOTE);
  await expect(page.locator(":target")).toContainText(request.wmde.name);

  // While the answers scroll, the rail and the list of criteria stay in view.
  await page.getByRole("heading", { name: "Values alignment", exact: true }).scrollIntoViewIfNeeded();
  await expectOnFirstScreen(page, "the primary action after scrolling", page.getByRole("link", { name: "Grant or decline" }));
  await expectOnFirstScreen(page, "the list of criteria after scrolling", page.getByRole("navigation", { name: "Answers and assessments" }));
  await expectAccessible(page);

  // On paper the notes are part of the record, though closed on screen.
  const who = page.getByRole("region", { name: "Who", exact: true });
  await expect(who.getByText(NOTE).first()).toBeHidden();
  await page.emulateMedia({ media: "print" });
  await expect(who.getByText(NOTE).first()).toBeVisible();
  await expect(who.getByText(request.wmde.name)).toBeVisible();
});

test("each criterion is assessed in place, without JavaScript too: an error opens the form, a saved rating fills in the scorecard", async ({ browser }) => {
  const reviewer = await createUser("WMF_REVIEWER");
  const request = await createSubmittedRequest();
  await moveStatus(request.id, "IN_REVIEW", `"assigneeId" = $3`, [reviewer.id]);
  await recordNoConflict(request.id, reviewer.id);
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  await context.addCookies([{ name: "authjs.session-token", value: await createSession(reviewer.id), url: baseURL }]);
  const page = await context.newPage();
  await page.goto(`/review/${request.id}`);

  // Six closed lines, not six forms.
  await expect(page.locator("summary").filter({ hasText: /^Assess / })).toHaveCount(6);
  await expect(page.getByRole("button", { name: "Save assessment" }).filter({ visible: true })).toHaveCount(0);

  await openDisclosure(page, "Assess Need");
  await page.getByRole("button", { name: "Save assessment" }).filter({ visible: true }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("Choose a rating");
  const need = page.getByRole("group", { name: "Your assessment of Need" });
  await expect(need, "the form is open after the error, without a click").toBeVisible();
  await need.getByLabel("Not met").check();
  await page.locator("#assess-need-note").fill("The free snapshots would do.");
  await page.getByRole("button", { name: "Save assessment" }).filter({ visible: true }).click();

  const cell = page.getByRole("table", { name: "Assessments" }).getByRole("row", { name: /^Need/ }).getByRole("cell").first();
  await expect(cell).toContainText("Not met");
  await expect(cell).toContainText(reviewer.name);
  await expect(page.locator("summary").filter({ hasText: "Change your assessment of Need" })).toBeVisible();
  await openDisclosure(page.getByRole("region", { name: "Need" }), "Read the note");
  await expect(page.locator(".assessment-note").filter({ hasText: "The free snapshots would do." })).toBeVisible();
  await context.close();
});

test("the conversation and the history sit apart, counted and newest first, internal comments marked", async ({ page, signInAs }) => {
  const reviewer = await signInAs("WMF_REVIEWER");
  const request = await createSubmittedRequest();
  await moveStatus(request.id, "IN_REVIEW", `"assigneeId" = $3`, [reviewer.id]);
  await recordNoConflict(request.id, reviewer.id);
  for (const [index, [kind, body]] of [
    ["INTERNAL", "First, internal: their publications check out."],
    ["MESSAGE", "Second, to the requester: thank you for the details."],
  ].entries()) {
    await testDb().query(
      `INSERT INTO "Comment" (id, "requestId", "authorId", kind, body, "createdAt") VALUES ($1, $2, $3, $4, $5, now() + make_interval(secs => $6))`,
      [`${request.id}_comment_${index}`, request.id, reviewer.id, kind, body, index],
    );
  }
  await page.goto(`/review/${request.id}`);

  const conversation = page.getByRole("region", { name: "Conversation and history" });
  await expect(conversation.getByRole("heading", { name: "Questions to the requester (0)" })).toBeVisible();
  await expect(conversation.getByRole("heading", { name: "Comments and messages (2)" })).toBeVisible();
  const comments = conversation.locator(".comment-list > li");
  await expect(comments.nth(0)).toContainText("Message to requester");
  await expect(comments.nth(0)).toContainText("Second, to the requester");
  await expect(comments.nth(1)).toContainText("Internal");
  await expect(comments.nth(1)).toContainText("First, internal");
  const history = conversation.getByRole("region", { name: /^History \(\d+\)$/ }).getByRole("listitem");
  await expect(history.first()).toContainText("Taken for review");
});

for (const [language, width] of [
  ["en", 390],
  ["de", 1280],
  ["de", 390],
] as const) {
  test(`in ${language} at ${width} px the workbench holds: one column on a phone with the summary first, nothing wider than the screen, nothing axe finds`, async ({
    page,
    signInAs,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.context().addCookies([{ name: "language", value: language, url: baseURL }]);
    const reviewer = await signInAs("WMF_REVIEWER");
    const request = await fullyAssessed(reviewer);
    await page.goto(`/review/${request.id}`);
    const glance = language === "de" ? "Auf einen Blick" : "At a glance";
    const summary = page.getByRole("region", { name: glance });
    await expect(summary).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth), "no horizontal scrolling").toBeLessThanOrEqual(width);
    if (width < 1024) {
      // Summary, then the next steps, then the answers, one under the other.
      const next = page.getByRole("region", { name: language === "de" ? "Nächste Schritte" : "Next steps" });
      const answers = page.getByRole("heading", { name: language === "de" ? "Wer" : "Who", exact: true, level: 3 });
      const [a, b, c] = [await summary.boundingBox(), await next.boundingBox(), await answers.boundingBox()];
      expect(a!.y).toBeLessThan(b!.y);
      expect(b!.y).toBeLessThan(c!.y);
      expect(Math.abs(a!.x - b!.x)).toBeLessThan(2);
    }
    await expectAccessible(page);
  });
}

test("a request started from an earlier one marks each answer that changed, with the earlier answer on demand, for reviewers who may see both", async ({
  page,
  browser,
  signInAs,
}) => {
  const earlier = await createSubmittedRequest((answers) => {
    answers.what.purpose = "A reading app for schools, in two languages.";
  });
  const renewal = await createSubmittedRequest((answers) => {
    wikidataHeavy(answers);
    answers.what.purpose = "A reading app for schools, now in twelve languages.";
  });
  await testDb().query(`UPDATE "Request" SET "basedOnId" = $2 WHERE id = $1`, [renewal.id, earlier.id]);
  await signInAs("WMF_REVIEWER");
  await page.goto(`/review/${renewal.id}`);

  const what = page.getByRole("region", { name: "What", exact: true });
  await expect(what).toContainText(`answers differ from ${earlier.reference}, marked below.`);
  const purpose = what.locator(".summary-list__row").filter({ hasText: "What will you use the access for?" });
  await expect(purpose).toContainText("Changed");
  await expect(purpose.getByText("A reading app for schools, in two languages.")).toBeHidden();
  await purpose
    .locator("summary")
    .filter({ hasText: `Answer in ${earlier.reference}` })
    .click();
  await expect(purpose.getByText("A reading app for schools, in two languages.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Need", exact: true })).toContainText(`The same answers as ${earlier.reference}.`);
  await expectAccessible(page);

  // WMDE sees the joint renewal, but not the earlier request, which was WMF's alone: nor its answers.
  const wmde = await createUser("WMDE_REVIEWER");
  const context = await browser.newContext({ baseURL });
  await context.addCookies([{ name: "authjs.session-token", value: await createSession(wmde.id), url: baseURL }]);
  const other = await context.newPage();
  await other.goto(`/review/${renewal.id}`);
  await expect(other.getByRole("heading", { name: `Review ${renewal.reference}` })).toBeVisible();
  await expect(other.getByText(`Answer in ${earlier.reference}`)).toHaveCount(0);
  await expect(other.getByText("A reading app for schools, in two languages.")).toHaveCount(0);
  await context.close();
});
