import { completeDraft } from "./support/apply";
import { createSession, createUser, testDb } from "./support/database";
import { expect, expectAccessible, test } from "./support/fixtures";
import { waitForMail } from "./support/mailbox";
import { callActionDirectly, createSubmittedRequest, wikidataHeavy } from "./support/requests";
import { declareNoConflict, openDisclosure } from "./support/review";
import { baseURL } from "./support/settings";

test("a WMF reviewer takes a new request, assesses it, asks a question, and gets it back answered", async ({ page, browser, signInAs }) => {
  // A long journey through both sides, with four accessibility scans.
  test.setTimeout(180_000);
  // The requester submits through the app.
  const requester = await signInAs("REQUESTER");
  await completeDraft(page);
  await page.getByRole("link", { name: "Check your answers and submit" }).click();
  await page.getByRole("button", { name: "Submit request" }).click();
  const reference = (await page.locator(".confirmation__reference").textContent())!.trim();

  const reviewerContext = await browser.newContext({ baseURL });
  const reviewer = await createUser("WMF_REVIEWER", "wmf");
  await reviewerContext.addCookies([{ name: "authjs.session-token", value: await createSession(reviewer.id), url: baseURL }]);
  const review = await reviewerContext.newPage();

  await review.goto("/review");
  await review.getByLabel("Search", { exact: true }).fill(reference);
  await review.getByRole("button", { name: "Apply" }).click();
  await expect(review.getByRole("row").filter({ hasText: reference })).toContainText("Open Maps Lab");
  await expectAccessible(review);
  await review.getByRole("link", { name: reference }).click();
  await expect(review.getByRole("heading", { name: `Review ${reference}` })).toBeVisible();
  await expect(review.getByText("Nobody has taken this request yet.")).toBeVisible();

  await review.getByRole("button", { name: "Take this request" }).click();
  await expect(review.getByText(`Assigned to ${reviewer.name}`)).toBeVisible();
  await expect(review.getByText("In review", { exact: true })).toBeVisible();
  await declareNoConflict(review);

  // Each criterion's form opens in place under its answers; saving it fills in the scorecard.
  await openDisclosure(review, "Assess Who");
  const who = review.getByRole("group", { name: "Your assessment of Who" });
  await who.getByLabel("Met", { exact: true }).check();
  await review.getByLabel("Note").first().fill("Known research group.");
  await review.getByRole("button", { name: "Save assessment" }).first().click();
  const scorecard = review.getByRole("table", { name: "Assessments" });
  const whoByWmf = scorecard.getByRole("row", { name: /^Who/ }).getByRole("cell").first();
  await expect(whoByWmf).toContainText("Met");
  await expect(whoByWmf).toContainText(reviewer.name);
  await expect(review.locator("summary").filter({ hasText: "Change your assessment of Who" })).toBeVisible();

  await openDisclosure(review, "Add a comment or message");
  await review.getByLabel("Text", { exact: true }).fill("Checked their publications.");
  await review.getByRole("button", { name: "Add", exact: true }).click();
  await expect(review.locator(".comment-list")).toContainText("Checked their publications.");

  // Asking without a question is explained; then the question goes out with a reopened section.
  await review.getByRole("link", { name: "Ask the requester a question" }).click();
  await review.getByRole("button", { name: "Send the question" }).click();
  await expect(review.getByRole("alert", { name: "There is a problem" })).toContainText("Write the question");
  await expectAccessible(review);
  await review.getByLabel("Question", { exact: true }).fill("How often do you need the full snapshots?");
  await review.getByRole("group", { name: "Sections the requester may change" }).getByLabel("What").check();
  await review.getByRole("button", { name: "Send the question" }).click();
  await expect(review.getByText("Waiting for an answer to the question")).toBeVisible();
  await expect(review.getByText("Awaiting requester", { exact: true }).or(review.getByText("Waiting for your answer", { exact: true }))).toBeVisible();

  // The requester is emailed, answers on the request page, and may edit the reopened section.
  const mail = await waitForMail(requester.email, /A question about your request/);
  expect(mail.text).toContain("How often do you need the full snapshots?");
  // Written by the app, not a person: auto-responders leave it alone, and without REPLY_TO it asks for no reply.
  expect(mail.autoSubmitted).toBe("auto-generated");
  expect(mail.replyTo).toBeUndefined();
  expect(mail.text).toContain("Please do not reply to this email");
  await page.goto(mail.text.match(/https?:\/\/\S+\/requests\/\S+/)![0]);
  await expect(page.getByText("How often do you need the full snapshots?")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "What", exact: true }).click();
  await page.getByLabel("Links to your project, documentation or proposal").fill("https://example.org/open-maps\nhttps://example.org/snapshots");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await page.getByLabel("Your answer").fill("Every two weeks, for 40 editions.");
  await page.getByRole("button", { name: "Send your answer" }).click();
  await expect(page.getByRole("status")).toContainText("the request is back in review");

  await waitForMail(reviewer.email, new RegExp(`The requester answered: ${reference}`));
  await review.reload();
  await expect(review.getByText("Every two weeks, for 40 editions.")).toBeVisible();
  await expect(review.getByText("https://example.org/snapshots")).toBeVisible();
  await expect(review.getByText("In review", { exact: true })).toBeVisible();
  await reviewerContext.close();
});

test("a WMDE reviewer sees the joint queue only; a request outside it does not exist for them", async ({ page, signInAs }) => {
  const joint = await createSubmittedRequest(wikidataHeavy);
  const wmfOnly = await createSubmittedRequest();
  await signInAs("WMDE_REVIEWER");

  await page.goto("/review?view=joint");
  await expect(page.getByText("You see the requests in the joint WMF/WMDE queue.")).toBeVisible();
  await page.getByLabel("Search", { exact: true }).fill(joint.reference);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("link", { name: joint.reference })).toBeVisible();
  await page.goto(`/review?view=new&q=${wmfOnly.reference}`);
  await expect(page.getByText("No request matches.")).toBeVisible();
  expect((await page.goto(`/review/${wmfOnly.id}`))?.status()).toBe(404);

  await page.goto(`/review/${joint.id}`);
  await expect(page.getByText("Wikidata is 60% of the expected volume (threshold 25%).")).toBeVisible();
  await declareNoConflict(page);
  await openDisclosure(page, "Assess What");
  const what = page.getByRole("group", { name: "Your assessment of What" });
  await what.getByLabel("Partly met").check();
  await page.locator("#assess-what-note").fill("Wikidata use is real but the volume estimate is rough.");
  await page.locator("form", { has: what }).getByRole("button", { name: "Save assessment" }).click();
  await expect(page.getByRole("table", { name: "Assessments" }).getByRole("row", { name: /^What/ }).getByRole("cell").nth(1)).toContainText("Partly met");
  await expectAccessible(page);
});

test("WMF and WMDE assessments stand side by side, and moving a request into the joint queue emails WMDE", async ({ page, signInAs }) => {
  const wmde = await createUser("WMDE_REVIEWER", "wmde.notified");
  const request = await createSubmittedRequest();
  await signInAs("WMF_REVIEWER");
  await page.goto(`/review/${request.id}`);
  const glance = page.getByRole("region", { name: "At a glance" });
  await expect(glance).toContainText("WMF review only");
  await openDisclosure(glance, "Move into the joint queue");
  await page.getByRole("button", { name: "Move into the joint queue" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("Give a reason for the move");
  await expectAccessible(page);
  await page.getByLabel("Reason for the move").fill("Most of the value is in Wikidata lexemes.");
  await page.getByRole("button", { name: "Move into the joint queue" }).click();
  await expect(glance).toContainText("Joint WMF/WMDE review");
  await expect(page.locator(".timeline")).toContainText("Moved into the joint queue");
  const mail = await waitForMail(wmde.email, new RegExp(`Request ${request.reference} is in the joint queue`));
  expect(mail.text).toContain("Most of the value is in Wikidata lexemes.");
});

test("a requester calling a reviewer action directly is refused, and nothing changes", async ({ page, browser, signInAs }) => {
  const request = await createSubmittedRequest();
  await signInAs("REQUESTER");
  expect((await page.goto("/review"))?.status()).toBe(404);
  expect((await page.goto(`/review/${request.id}`))?.status()).toBe(404);
  const refused = await callActionDirectly(page.request, `/review/${request.id}`, "takeRequestAction", { requestId: request.id, version: "0" });
  expect(refused.status()).toBe(404);
  const state = async () => (await testDb().query(`SELECT status, "assigneeId", version FROM "Request" WHERE id = $1`, [request.id])).rows[0];
  expect(await state()).toEqual({ status: "SUBMITTED", assigneeId: null, version: 0 });

  // The same call from a reviewer goes through: the refusal above is the server's, not the call's.
  const reviewer = await createUser("WMF_REVIEWER", "direct");
  const context = await browser.newContext({ baseURL });
  await context.addCookies([{ name: "authjs.session-token", value: await createSession(reviewer.id), url: baseURL }]);
  await callActionDirectly(context.request, `/review/${request.id}`, "takeRequestAction", { requestId: request.id, version: "0" });
  expect(await state()).toEqual({ status: "IN_REVIEW", assigneeId: reviewer.id, version: 1 });
  await context.close();
});

test("the queue filters by flags and kind, and shows the reasons on the request", async ({ page, signInAs }) => {
  const genai = await createSubmittedRequest((answers) => {
    answers.who.requesterKind = "commercial";
    Object.assign(answers.values, { generativeAi: "yes", aiEthics: "We are careful.", jeopardyStatement: "Schools would lose a tool." });
  });
  await signInAs("WMF_REVIEWER");
  await page.goto(`/review?flagged=1&kind=commercial&q=${encodeURIComponent(genai.reference)}`);
  const row = page.getByRole("row").filter({ hasText: genai.reference });
  // Each flag is named in a few words, the red ones first, their severity in words for screen readers.
  const flags = row.getByRole("listitem");
  await expect(flags.nth(0)).toHaveText("! Red flag: Generative AI, thin ethics");
  await expect(flags.nth(1)).toHaveText("! Red flag: Commercial, no public benefit");
  await expect(row.getByRole("listitem").filter({ hasText: "Red flag" })).toHaveCount(2);
  await row.getByRole("link", { name: genai.reference }).click();
  await expect(page.getByText(/The use case involves generative AI, but the ethics statement is thin/)).toBeVisible();
  await expect(page.getByText(/A commercial requester, with a short statement/)).toBeVisible();
});
