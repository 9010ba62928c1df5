// Runs after every other spec (its own Playwright project), since moving the clock would change
// what the others see.
import { createSession, createUser } from "./support/database";
import { resetClock, setClock } from "./support/clock";
import { fillDate } from "./support/dates";
import { expect, expectAccessible, test } from "./support/fixtures";
import { waitForMail } from "./support/mailbox";
import { createSubmittedRequest } from "./support/requests";
import { baseURL } from "./support/settings";

const DAY = 86_400_000;

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
  await review.goto(`/review/${submitted.id}`);
  await review.getByRole("button", { name: "Take this request" }).click();
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
