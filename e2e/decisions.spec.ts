import { expect, expectAccessible, test } from "./support/fixtures";
import { waitForMail } from "./support/mailbox";
import { callActionDirectly, createSubmittedRequest, wikidataHeavy } from "./support/requests";
import { declareNoConflict, grant, personPage, signInRequester, take } from "./support/review";
import { baseURL } from "./support/settings";
import { createSession, createUser } from "./support/database";

test("a joint request goes through WMDE's recommendation to a WMF grant, which the requester reads by email and on the request page, and anyone in the register", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const submitted = await createSubmittedRequest((answers) => {
    wikidataHeavy(answers);
    answers.values.registerConsent = "on";
  });
  const organisation = submitted.organisation;
  const publicSummary = `An interactive map of places in 40 Wikipedia languages, linked through Wikidata (${submitted.reference}).`;
  const { page: review, user: wmf } = await personPage(browser, "WMF_REVIEWER");
  await take(review, submitted.id);
  await expect(review.getByText("WMDE has not recommended yet.", { exact: false })).toBeVisible();

  // Without WMDE's recommendation, the grant is refused with a way forward, and nothing is lost;
  // the requester agreed to the register, so its entry is asked for, starting from their answers.
  await review.getByRole("link", { name: "Grant or decline" }).click();
  await expect(review.getByRole("heading", { name: `Decide on ${submitted.reference}` })).toBeVisible();
  await expectAccessible(review);
  const form = review.getByRole("form", { name: "Grant or decline?" });
  await form.getByLabel("Grant access", { exact: true }).check();
  const entry = form.getByRole("group", { name: "Entry in the public register" });
  await expect(entry.getByLabel("Project or organisation")).toHaveValue(organisation);
  await expect(entry.getByLabel("Summary for the register")).toHaveValue("A reading app for schools that works offline.");
  await entry.getByLabel("Summary for the register").fill("  ");
  await form.getByRole("group", { name: "Snapshot API: how often" }).getByLabel("daily").check();
  await form.getByRole("group", { name: "Criteria the grant rests on" }).getByLabel("Need").check();
  await form.getByLabel("Rationale (internal)", { exact: true }).fill("Strong Wikidata use.");
  await form.getByLabel("Message to the requester").filter({ visible: true }).fill("Welcome.");
  await form.getByRole("button", { name: "Continue" }).click();
  await expect(review.getByRole("alert", { name: "There is a problem" })).toContainText("WMDE has not recommended yet");
  await expect(review.getByRole("alert", { name: "There is a problem" })).toContainText("Write a summary for the public register");
  await expect(form.getByLabel("Rationale (internal)", { exact: true })).toHaveValue("Strong Wikidata use.");
  await expectAccessible(review);

  // WMDE recommends.
  const { page: wmdePage, user: wmde } = await personPage(browser, "WMDE_REVIEWER");
  await wmdePage.goto(`/review/${submitted.id}`);
  await declareNoConflict(wmdePage);
  const recommend = wmdePage.getByRole("form", { name: "WMDE recommendation" });
  await recommend.getByRole("button", { name: "Save the recommendation" }).click();
  await expect(wmdePage.getByRole("alert", { name: "There is a problem" })).toContainText("Choose grant or decline");
  await expectAccessible(wmdePage);
  await recommend.getByLabel("Grant").check();
  await recommend.getByLabel("Why").fill("Substantive, well-planned Wikidata use.");
  await recommend.getByRole("button", { name: "Save the recommendation" }).click();
  await expect(recommend.getByRole("status")).toHaveText("Recommendation saved.");
  // WMDE cannot decide: the decision page does not exist for them.
  expect((await wmdePage.goto(`/review/${submitted.id}/decide`))?.status()).toBe(404);

  // WMF grants with scope and expiry.
  await review.goto(`/review/${submitted.id}`);
  await expect(review.getByText(`WMDE recommends: Grant (${wmde.name}`)).toBeVisible();
  await grant(review, { publicSummary });
  const decision = review.getByRole("region", { name: "Decision" });
  await expect(decision).toContainText(`Granted by ${wmf.name}`);
  await expect(decision).toContainText("Snapshot API, weekly");
  await expect(decision).toContainText("Clear need above the free volume");
  await expect(decision).toContainText(publicSummary);
  // The grant starts on the day the requester asked for, a week ahead: until then it has not started.
  await expect(review.getByText("Granted, not started yet", { exact: true })).toBeVisible();
  await expectAccessible(review);

  // The requester reads the email and follows its link to the grant.
  const mail = await waitForMail(submitted.requester.email, new RegExp(`Your request ${submitted.reference} is granted`));
  expect(mail.text).toContain("Congratulations: your access is ready.");
  expect(mail.text).toContain("Snapshot API, weekly");
  expect(mail.text).not.toContain("strong mission fit");
  expect(mail.html).toContain(submitted.reference);
  await signInRequester(page, submitted.requester);
  await page.goto(mail.text.match(/https?:\/\/\S+\/requests\/\S+/)![0]);
  await expect(page.getByRole("heading", { name: "Your exceptional access" })).toBeVisible();
  await expect(page.getByText("Your access starts on")).toBeVisible();
  await expect(page.getByText("Congratulations: your access is ready.")).toBeVisible();
  await expect(page.getByText("Your request was granted.")).toBeVisible();
  await expect(page.getByText("Strong Wikidata use.")).toHaveCount(0);
  await expect(page.getByText(publicSummary)).toBeVisible();
  await expectAccessible(page);

  // Anyone reads the entry in the register, as the reviewer approved it, with nobody's name.
  const visitor = await (await browser.newContext({ baseURL })).newPage();
  await visitor.goto("/register");
  const listed = visitor.getByRole("article", { name: organisation });
  await expect(listed).toContainText(publicSummary);
  await expect(listed).toContainText("Not started yet");
  for (const text of [submitted.requester.email, submitted.requester.name, "Ada Lovelace", wmf.name, wmde.name]) {
    expect(await visitor.content()).not.toContain(text);
  }
  await visitor.context().close();

  // A second grant of the same request, sent straight to the server, is refused and changes nothing.
  const response = await callActionDirectly(review.request, `/review/${submitted.id}/decide`, "decideAction", {
    outcome: "grant",
    intent: "record",
    requestId: submitted.id,
    version: "99",
    apis: "realtime",
    startsOn: new Date().toISOString().slice(0, 10),
    expiresOn: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
    criteria: "need",
    rationale: "Again",
    message: "Again",
  });
  expect(response.status()).toBeLessThan(500);
  await review.reload();
  await expect(review.getByRole("region", { name: "Decision" })).toContainText("Snapshot API, weekly");
  await review.context().close();
  await wmdePage.context().close();
});

test("a declined request names the criteria not met, and the requester can start again from it", async ({ page, browser }) => {
  test.setTimeout(60_000);
  const submitted = await createSubmittedRequest();
  const { page: review } = await personPage(browser, "WMF_REVIEWER");
  await take(review, submitted.id);
  await review.getByRole("link", { name: "Grant or decline" }).click();

  // Nothing chosen yet: the page asks grant or decline first.
  const form = review.getByRole("form", { name: "Grant or decline?" });
  await form.getByRole("button", { name: "Continue" }).click();
  await expect(review.getByRole("alert", { name: "There is a problem" })).toContainText("Choose whether to grant or decline the request");
  await form.getByLabel("Decline the request").check();
  await expect(form.getByRole("group", { name: "APIs granted" })).toBeHidden();
  await form.getByRole("button", { name: "Continue" }).click();
  const problems = review.getByRole("alert", { name: "There is a problem" });
  await expect(problems).toContainText("Tick at least one criterion that was not met");
  await expect(problems).toContainText("Write a message to the requester");
  await expectAccessible(review);
  await problems.getByRole("link", { name: "Tick at least one criterion that was not met" }).click();
  await expect(form.getByRole("group", { name: "Criteria not met" }).getByLabel("Who", { exact: true })).toBeFocused();
  await form.getByRole("group", { name: "Criteria not met" }).getByLabel("Need").check();
  await form.getByLabel("Message to the requester").filter({ visible: true }).fill("The free account's 5,000 requests a month cover this use.");
  await form.getByRole("button", { name: "Continue" }).click();

  // The decline is shown back before anything happens; going back keeps what was written.
  const check = review.getByRole("form", { name: "Check your decision" });
  await expect(check).toContainText("Criteria not metNeed");
  await expectAccessible(review);
  await check.getByRole("button", { name: "Change the decision" }).click();
  await expect(form.getByLabel("Message to the requester").filter({ visible: true })).toHaveValue("The free account's 5,000 requests a month cover this use.");
  await expect(form.getByLabel("Decline the request")).toBeChecked();
  await form.getByRole("button", { name: "Continue" }).click();
  const record = check.getByRole("button", { name: "Decline and email the requester" });
  await expect(record).toHaveClass(/button--destructive/);
  await record.click();
  await expect(review.getByRole("status").filter({ hasText: "The request is declined." })).toBeVisible();

  const mail = await waitForMail(submitted.requester.email, new RegExp(`A decision on your request ${submitted.reference}`));
  expect(mail.text).toContain("Criteria not met: Need.");
  await signInRequester(page, submitted.requester);
  await page.goto(`/requests/${submitted.id}`);
  await expect(page.getByText("The free account's 5,000 requests a month cover this use.")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Start a new request from this one" }).click();
  await expect(page.getByRole("status")).toContainText(`This new request starts from ${submitted.reference}`);
  await expect(page.getByRole("link", { name: submitted.reference })).toBeVisible();
  await expectAccessible(page);
  await review.context().close();
});

test("a WMF reviewer withdraws an active grant with a reason, and the requester is told", async ({ page, browser }) => {
  test.setTimeout(60_000);
  const submitted = await createSubmittedRequest();
  const { page: review } = await personPage(browser, "WMF_REVIEWER");
  await take(review, submitted.id);
  await grant(review);

  const withdraw = review.getByRole("form", { name: "Withdraw the grant" });
  await withdraw.getByRole("button", { name: "Withdraw" }).click();
  await expect(review.getByRole("alert", { name: "There is a problem" })).toContainText("Choose the reason for the withdrawal");
  await expectAccessible(review);
  await withdraw.getByLabel("Misuse of the access").check();
  await withdraw.getByLabel("Message to the requester").fill("The access was used to resell content.");
  await withdraw.getByRole("button", { name: "Withdraw" }).click();
  await expect(review.getByRole("status").filter({ hasText: "The grant is withdrawn." })).toBeVisible();
  await expect(review.getByText("Withdrawn", { exact: true })).toBeVisible();
  await expect(review.getByRole("form", { name: "Withdraw the grant" })).toHaveCount(0);

  const mail = await waitForMail(submitted.requester.email, new RegExp(`Your access for request ${submitted.reference} is withdrawn`));
  expect(mail.text).toContain("Reason: Misuse of the access.");
  await signInRequester(page, submitted.requester);
  await page.goto(`/requests/${submitted.id}`);
  await expect(page.getByText("Your access was withdrawn: Misuse of the access.")).toBeVisible();
  await expect(page.getByText("Your access was withdrawn.", { exact: true })).toBeVisible();
  await review.context().close();
});

test("a requester gives up their grant early after confirming", async ({ page, browser }) => {
  const submitted = await createSubmittedRequest();
  const { page: review } = await personPage(browser, "WMF_REVIEWER");
  await take(review, submitted.id);
  await grant(review);
  await review.context().close();

  await signInRequester(page, submitted.requester);
  await page.goto(`/requests/${submitted.id}`);
  await page.getByRole("link", { name: "I no longer need this access" }).click();
  await expect(page.getByRole("heading", { name: "End your access early" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "End my access" }).click();
  await expect(page.getByRole("status")).toContainText("Your access has ended.");
  await expect(page.getByText("You ended this access early.")).toBeVisible();
  await waitForMail(submitted.requester.email, new RegExp(`Your access for request ${submitted.reference} has ended`));
});

test("deciding works without JavaScript: the choice reveals its fields, and the decision is checked before it is recorded", async ({ browser }) => {
  test.setTimeout(90_000);
  const submitted = await createSubmittedRequest();
  const reviewer = await createUser("WMF_REVIEWER");
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  await context.addCookies([{ name: "authjs.session-token", value: await createSession(reviewer.id), url: baseURL }]);
  const review = await context.newPage();
  await take(review, submitted.id);
  await review.goto(`/review/${submitted.id}/decide`);
  const form = review.getByRole("form", { name: "Grant or decline?" });
  // Only the chosen answer's fields show; the Snapshot frequency only once Snapshot is ticked.
  await expect(form.getByRole("group", { name: "APIs granted" })).toBeHidden();
  await form.getByLabel("Grant access", { exact: true }).check();
  const apis = form.getByRole("group", { name: "APIs granted" });
  await expect(apis).toBeVisible();
  await apis.getByLabel("Snapshot API", { exact: true }).uncheck();
  await expect(form.getByRole("group", { name: "Snapshot API: how often" })).toBeHidden();
  await apis.getByLabel("On-demand API", { exact: true }).check();
  const limit = form.getByLabel("On-demand API: requests per month");
  await limit.fill("2.500.000");
  await form.getByRole("group", { name: "Criteria the grant rests on" }).getByLabel("Need").check();
  await form.getByLabel("Rationale (internal)", { exact: true }).fill("Needs the volume.");
  await form.getByLabel("Message to the requester").filter({ visible: true }).fill("Your access is ready.");
  await form.getByRole("button", { name: "Continue" }).click();

  const check = review.getByRole("form", { name: "Check your decision" });
  await expect(check).toContainText("On-demand API: requests per month2,500,000");
  await check.getByRole("button", { name: "Grant access and email the requester" }).click();
  await expect(review.getByRole("region", { name: "Decision" })).toContainText("2,500,000");
  await context.close();
});
