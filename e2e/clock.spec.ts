// Runs after every other spec (its own Playwright project), since moving the clock would change
// what the others see.
import { checkInDays } from "../lib/domain/check-ins";
import { dayOf, endOfDay, startOfDay } from "../lib/domain/time";
import { createSession, createUser, testDb } from "./support/database";
import { resetClock, setClock } from "./support/clock";
import { fillDate } from "./support/dates";
import { expect, expectAccessible, test } from "./support/fixtures";
import { waitForMail } from "./support/mailbox";
import { createRequestIn, createSubmittedRequest, type TSubmitted } from "./support/requests";
import { grant, personPage, signInRequester, take } from "./support/review";
import { baseURL } from "./support/settings";

const DAY = 86_400_000;

// One clock for the whole app: these journeys take turns, each from the real time.
test.describe.configure({ mode: "serial" });
test.beforeEach(() => resetClock());
test.afterAll(() => resetClock());

test("a grant sends its 30-day reminder, then expires at its date, with the clock moved instead of waited for", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const submitted = await createSubmittedRequest();
  const reviewer = await createUser("WMF_REVIEWER");
  const reviewContext = await browser.newContext({ baseURL });
  await reviewContext.addCookies([{ name: "authjs.session-token", value: await createSession(reviewer.id), url: baseURL }]);
  const review = await reviewContext.newPage();

  // Granted today, to expire in 60 days.
  const expiresOn = new Date(Date.now() + 60 * DAY).toISOString().slice(0, 10);
  await take(review, submitted.id);
  await review.getByRole("link", { name: "Grant or decline" }).click();
  const form = review.getByRole("form", { name: "Grant or decline?" });
  await form.getByLabel("Grant access", { exact: true }).check();
  await form.getByRole("group", { name: "Snapshot API: how often" }).getByLabel("monthly").check();
  await fillDate(form, "Expiry date", expiresOn);
  await form.getByRole("group", { name: "Criteria the grant rests on" }).getByLabel("Need").check();
  await form.getByLabel("Rationale (internal)", { exact: true }).fill("Fits.");
  await form.getByLabel("Message to the requester").filter({ visible: true }).fill("Enjoy.");
  await form.getByRole("button", { name: "Continue" }).click();
  await review.getByRole("button", { name: "Grant access and email the requester" }).click();
  await expect(review.getByRole("status").filter({ hasText: "The request is granted." })).toBeVisible();
  await waitForMail(submitted.requester.email, /is granted/);

  // 29 days before the expiry: the worker sends the 30-day reminder, and the dashboard lists the grant.
  const expiry = new Date(`${expiresOn}T23:59:59.999Z`);
  setClock(new Date(expiry.getTime() - 29 * DAY));
  const reminder = await waitForMail(submitted.requester.email, new RegExp(`Your access for request ${submitted.reference} ends on`));
  expect(reminder.text).toMatch(/in 29 days/);
  await review.goto("/review/dashboard");
  await expect(review.getByRole("table", { name: "Grants expiring within 30 days" })).toContainText(submitted.reference);
  await expectAccessible(review);

  // Past the expiry: the grant reads as expired at once, and the worker records it and tells the requester.
  setClock(new Date(expiry.getTime() + 60_000));
  await page.context().addCookies([{ name: "authjs.session-token", value: await createSession(submitted.requester.id), url: baseURL }]);
  await page.goto(`/requests/${submitted.id}`);
  await expect(page.getByText("Expired", { exact: true })).toBeVisible();
  await expect(page.getByText("Your access ended on")).toBeVisible();
  await expect(page.getByRole("button", { name: "Ask to renew" })).toBeVisible();
  const expired = await waitForMail(submitted.requester.email, new RegExp(`Your access for request ${submitted.reference} has expired`));
  expect(expired.text).toContain(submitted.reference);
  await page.reload();
  await expect(page.getByText("Your access expired.")).toBeVisible();
  await expectAccessible(page);

  // Renewal starts a new request from the grant, linked to it.
  await page.getByRole("button", { name: "Ask to renew" }).click();
  await expect(page.getByRole("status")).toContainText(`This new request starts from ${submitted.reference}`);
  await reviewContext.close();
});

/**
 * A grant that started `startsDaysAgo` days ago and expires in `expiresInDays`, asking to check in
 * every `checkInMonths` (null: once, 30 days before expiry), with one promised contribution; with
 * the moment just after its next check-in opens.
 */
async function grantAwaitingCheckIn(startsDaysAgo: number, expiresInDays: number, checkInMonths: number | null): Promise<{ grant: TSubmitted; opensAt: Date }> {
  const expiresAt = endOfDay(dayOf(new Date(Date.now() + expiresInDays * DAY)));
  const startsAt = startOfDay(dayOf(new Date(Date.now() - startsDaysAgo * DAY)));
  const grant = await createRequestIn({ status: "GRANTED", expiresAt, decision: { outcome: "GRANTED", startsAt, expiresAt, apis: ["snapshot"] } });
  await testDb().query(`UPDATE "Request" SET "startsAt" = $2 WHERE id = $1`, [grant.id, startsAt]);
  await testDb().query(`UPDATE "Decision" SET "checkInMonths" = $2 WHERE "requestId" = $1`, [grant.id, checkInMonths]);
  await testDb().query(
    `INSERT INTO "Contribution" (id, "requestId", position, kind, description, "updatedAt") VALUES ($1, $2, 1, 'tools', 'An open map viewer for every edition', now())`,
    [`${grant.id}_c1`, grant.id],
  );
  const next = checkInDays({ startsAt, expiresAt, checkInMonths }).find((day) => startOfDay(day).getTime() > Date.now());
  if (!next) throw new Error("The grant asks for no check-in ahead");
  return { grant, opensAt: new Date(startOfDay(next).getTime() + 60_000) };
}

async function setLanguage(userId: string, locale: string) {
  await testDb().query(`UPDATE "User" SET locale = $2 WHERE id = $1`, [userId, locale]);
}

test("a grantee is asked to check in, says the use case ended, and gives the grant up from there", async ({ page }) => {
  test.setTimeout(90_000);
  const { grant, opensAt } = await grantAwaitingCheckIn(10, 45, null);
  setClock(opensAt);
  const asked = await waitForMail(grant.requester.email, new RegExp(`Please check in on your access for request ${grant.reference}`));
  expect(asked.text).toMatch(/Please answer by/);

  await signInRequester(page, grant.requester);
  await page.goto(`/requests/${grant.id}`);
  await page.getByRole("link", { name: "Check in now" }).click();
  await expect(page.getByRole("heading", { name: `Check in on request ${grant.reference}` })).toBeVisible();
  await expectAccessible(page);

  // Sent without answers: every question is named, and nothing is recorded.
  await page.getByRole("button", { name: "Send check-in" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toContainText("Say whether the use case is still active");
  await expect(summary).toContainText("Say what became of “An open map viewer for every edition”");
  await expectAccessible(page);

  // The same page and its error state in Arabic, right to left.
  await setLanguage(grant.requester.id, "ar");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expectAccessible(page);
  await page.getByRole("button", { name: "أرسل الرد" }).click();
  await expect(page.getByRole("alert", { name: "هناك مشكلة" })).toContainText("أخبرنا إن كانت حالة الاستخدام لا تزال قائمة");
  await expectAccessible(page);
  await setLanguage(grant.requester.id, "en");
  await page.reload();

  await page.getByRole("group", { name: "Is the use case you were granted access for still active?" }).getByLabel("It has ended").check();
  await page.getByRole("group", { name: "Roughly how much of the granted volume do you use?" }).getByLabel("Less than a quarter").check();
  const contribution = page.getByRole("group", { name: "An open map viewer for every edition" });
  await contribution.getByLabel("Done").check();
  await page.getByLabel("Where can it be seen?").fill("https://maps.example.org/viewer");
  await page.getByRole("button", { name: "Send check-in" }).click();
  await expect(page.getByText("Thank you: your check-in was sent to the reviewers.")).toBeVisible();

  // "Ended" offers to give the grant up at once, through the usual confirmation.
  await page.getByRole("link", { name: "Give up the grant" }).click();
  await page.getByRole("button", { name: "End my access" }).click();
  await expect(page.getByText("Your access has ended. We have sent you a confirmation.")).toBeVisible();
});

test("promises confirmed at grant time are asked about six months on; a check-in left unanswered shows overdue until the requester answers and the reviewer reads it", async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  const submitted = await createRequestIn({
    status: "SUBMITTED",
    change: (answers) => {
      Object.assign(answers.obligation, {
        contributionKind: ["reports", "tools"],
        contributionDescription: ["A yearly report", "Our offline packager"],
        contributionLink: ["", "https://example.org/packager"],
        contributionBy: ["", ""],
      });
    },
  });

  // The reviewer confirms both promises, the first in their own words; the grant asks every 6 months, the default.
  const { page: review } = await personPage(browser, "WMF_REVIEWER");
  await take(review, submitted.id);
  await grant(review, {
    contributions: async (form) => {
      const confirmed = form.getByRole("group", { name: "Contributions confirmed as conditions of the grant" });
      await confirmed.getByLabel("Wording of contribution 1 in the grant").fill("A yearly report on reader use, published on Meta-Wiki");
    },
  });
  const conditions = review.getByRole("region", { name: "Contributions confirmed as conditions" });
  await expect(conditions.getByRole("listitem")).toHaveCount(2);
  await expect(conditions).toContainText("A yearly report on reader use, published on Meta-Wiki");
  const granted = await waitForMail(submitted.requester.email, /is granted/);
  expect(granted.text).toContain("A yearly report on reader use, published on Meta-Wiki");

  await signInRequester(page, submitted.requester);
  await page.goto(`/requests/${submitted.id}`);
  const promised = page.getByRole("region", { name: "What you promised to give back" });
  await expect(promised.getByRole("listitem")).toHaveCount(2);
  await expect(promised).toContainText("A yearly report on reader use, published on Meta-Wiki");

  // Six months on, the first check-in opens and its email arrives.
  const [decision] = (
    await testDb().query<{ startsAt: Date; expiresAt: Date; checkInMonths: number | null }>(
      `SELECT d."startsAt", r."expiresAt", d."checkInMonths" FROM "Decision" d JOIN "Request" r ON r.id = d."requestId" WHERE r.id = $1`,
      [submitted.id],
    )
  ).rows;
  if (!decision) throw new Error("The grant was not recorded");
  expect(decision.checkInMonths).toBe(6);
  const [first] = checkInDays(decision);
  if (!first) throw new Error("The grant asks for no check-in");
  const opensAt = new Date(startOfDay(first).getTime() + 60_000);
  setClock(opensAt);
  await waitForMail(submitted.requester.email, new RegExp(`Please check in on your access for request ${submitted.reference}`));

  // A week before it is due, the one reminder; two days after, it is overdue for reviewers.
  setClock(new Date(opensAt.getTime() + 24 * DAY));
  await waitForMail(submitted.requester.email, new RegExp(`Reminder: your check-in for request ${submitted.reference} is due`));
  setClock(new Date(opensAt.getTime() + 32 * DAY));
  await expect(async () => {
    await review.goto(`/review?view=decided&q=${submitted.reference}`);
    await expect(review.getByRole("row", { name: new RegExp(submitted.reference) })).toContainText("Check-in overdue");
  }).toPass();
  await review.goto("/review/dashboard");
  await expect(review.getByRole("table", { name: /Check-ins overdue/ })).toContainText(submitted.reference);
  await expectAccessible(review);

  // The requester answers late: still active, one promise done with a link, the other under way.
  await page.goto(`/requests/${submitted.id}`);
  await expect(page.getByText(/Your check-in was due on/)).toBeVisible();
  await page.getByRole("link", { name: "Check in now" }).click();
  await page.getByRole("group", { name: "Is the use case you were granted access for still active?" }).getByLabel("Yes, still active").check();
  await page.getByRole("group", { name: "Roughly how much of the granted volume do you use?" }).getByLabel("Half to most of it").check();
  const report = page.getByRole("group", { name: "A yearly report on reader use, published on Meta-Wiki" });
  await report.getByLabel("Done").check();
  await report.getByLabel("Where can it be seen?").fill("https://meta.wikimedia.org/wiki/Reader_use_report");
  await page.getByRole("group", { name: "Our offline packager" }).getByLabel("In progress").check();
  await page.getByRole("button", { name: "Send check-in" }).click();
  await expect(page.getByText("Thank you: your check-in was sent to the reviewers.")).toBeVisible();

  // The reviewer reads it on the request, and the delivered promise now says so.
  await review.goto(`/review/${submitted.id}`);
  const checkIns = review.getByRole("region", { name: "Check-ins" });
  await expect(checkIns).toContainText("Yes, still active");
  await expect(checkIns).toContainText("https://meta.wikimedia.org/wiki/Reader_use_report");
  await expect(checkIns).toContainText("In progress");
  await expect(review.getByRole("region", { name: "Contributions confirmed as conditions" })).toContainText("delivered");
  await expect(review.getByRole("region", { name: /^History/ })).toContainText("Checked in");
  await checkIns.getByRole("button", { name: "Acknowledge" }).click();
  await expect(checkIns).toContainText("Acknowledged");
  await expectAccessible(review);
  await review.goto("/review/dashboard");
  await expect(review.getByRole("table", { name: /Check-ins overdue/ }).getByRole("link", { name: submitted.reference })).toHaveCount(0);
  await review.context().close();
});
