import { createSession, testDb } from "./support/database";
import { expect, expectAccessible, test } from "./support/fixtures";
import { waitForMail } from "./support/mailbox";
import { createRequestIn } from "./support/requests";
import { declareNoConflict, personPage, signInRequester } from "./support/review";
import { baseURL } from "./support/settings";

test("a requester appeals a decline; the reviewer who declined may not decide it; an uninvolved WMF reviewer overturns it from the Appeals view, and the requester reads why by email", async ({
  page,
  browser,
}) => {
  const declined = await createRequestIn({ status: "DECLINED", decision: { outcome: "DECLINED", decidedAt: new Date(Date.now() - 3 * 86_400_000) } });
  await signInRequester(page, declined.requester);

  // The request page offers the appeal; sent empty, the form says what is missing, keeps what was typed
  // (in the section opened to add to, still open), and passes axe.
  await page.goto(`/requests/${declined.id}`);
  await page.getByRole("link", { name: "Appeal the decision" }).click();
  await expect(page.getByRole("heading", { name: "Appeal the decision", level: 1 })).toBeVisible();
  await expect(page.getByLabel("What you add to “Need”")).toBeHidden();
  await page.getByText("Add to “Need”", { exact: true }).click();
  await page.getByLabel("What you add to “Need”").fill("A school district now sponsors the project.");
  await page.getByLabel("Anything else (optional)").fill("We can share our traffic logs.");
  await page.getByRole("button", { name: "Send the appeal" }).click();
  const problem = page.getByRole("alert", { name: "There is a problem" });
  await expect(problem.getByRole("link", { name: "Say why you think the decision should change." })).toBeVisible();
  await expect(page.getByLabel("What you add to “Need”")).toHaveValue("A school district now sponsors the project.");
  await expect(page.getByLabel("Anything else (optional)")).toHaveValue("We can share our traffic logs.");
  await expectAccessible(page);
  await page.getByLabel("Why should the decision change?").fill("Our nightly volume is above what the free account carries.");
  await page.getByRole("button", { name: "Send the appeal" }).click();
  await expect(page.getByText("Your appeal is sent. We will email you the outcome.")).toBeVisible();
  await expect(page.getByText("Appealed", { exact: true })).toBeVisible();
  // The answers stay as decided on; the addition is shown under its section.
  await expect(page.getByTestId("added-on-appeal-need")).toContainText("A school district now sponsors the project.");

  // The reviewer who declined it reads the appeal but is told why they may not decide it.
  const { rows } = await testDb().query<{ decidedById: string }>(`SELECT "decidedById" FROM "Decision" WHERE "requestId" = $1`, [declined.id]);
  const decider = await browser.newContext({ baseURL });
  await decider.addCookies([{ name: "authjs.session-token", value: await createSession(rows[0]!.decidedById), url: baseURL }]);
  const deciderPage = await decider.newPage();
  await deciderPage.goto(`/review/${declined.id}`);
  await expect(deciderPage.getByText("You took part in the decision under appeal", { exact: false })).toBeVisible();
  await expect(deciderPage.getByRole("form", { name: "Decide the appeal" })).toHaveCount(0);

  // An uninvolved WMF reviewer finds it in the Appeals view and overturns it.
  const { page: review } = await personPage(browser, "WMF_REVIEWER");
  await review.goto("/review");
  await review
    .getByRole("navigation", { name: "Queue views" })
    .getByRole("link", { name: /^Appeals/ })
    .click();
  await review.getByRole("link", { name: declined.reference }).click();
  await declareNoConflict(review);
  const appeal = review.getByRole("region", { name: "Appeal", exact: true });
  await expect(appeal.getByText("Our nightly volume is above what the free account carries.")).toBeVisible();
  await expect(appeal.getByText("We can share our traffic logs.")).toBeVisible();
  await appeal.getByRole("link", { name: "Need" }).click();
  await expect(review.getByTestId("added-on-appeal-need")).toBeInViewport();
  await expect(review.getByTestId("added-on-appeal-need")).toContainText("A school district now sponsors the project.");
  const decide = appeal.getByRole("form", { name: "Decide the appeal" });
  await decide.getByLabel("Overturn: the request returns to review, with you as its reviewer").check();
  await decide.getByLabel("Reasons").fill("The volume figures were misread: they exceed the free tier.");
  await decide.getByRole("button", { name: "Record the outcome" }).click();
  await expect(review.getByText("The appeal is decided, and the requester is emailed the outcome with your reasons.")).toBeVisible();
  await expect(review.getByText("In review", { exact: true })).toBeVisible();

  const mail = await waitForMail(declined.requester.email, /The outcome of your appeal/);
  expect(mail.text).toContain(`Request ${declined.reference} is back in review`);
  expect(mail.text).toContain("The volume figures were misread: they exceed the free tier.");
  await page.reload();
  await expect(page.getByText("the decline is overturned, and your request is back in review", { exact: false })).toBeVisible();
});
