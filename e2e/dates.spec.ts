// Dates are written one way per language: the long date in sentences and summaries, the short
// date (with the time, in UTC) in lists of events; never the US order. A reference never wraps.
import { longDate } from "../lib/i18n/format";
import { createSession } from "./support/database";
import { expect, test } from "./support/fixtures";
import { createRequestIn } from "./support/requests";
import { baseURL } from "./support/settings";

const DAY = 86_400_000;
const US_DATE = /\b(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}/;
const SHORT_DATE = /\b\d{1,2} (Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}/;
const SHORT_DATE_TIME = /\b\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}, \d{2}:\d{2} UTC/;

test("a requester's request page writes every date the long way, and keeps the reference on one line", async ({ page }) => {
  const submittedAt = new Date(Date.now() - 40 * DAY);
  const startsAt = new Date(Date.now() - 20 * DAY);
  startsAt.setUTCHours(0, 0, 0, 0);
  const expiresAt = new Date(startsAt.getTime() + 365 * DAY - 1);
  const grant = await createRequestIn({
    status: "GRANTED",
    submittedAt,
    expiresAt,
    decision: { decidedAt: new Date(Date.now() - 21 * DAY), startsAt, expiresAt, apis: ["realtime"] },
  });
  await page.context().addCookies([{ name: "authjs.session-token", value: await createSession(grant.requester.id), url: baseURL }]);

  await page.goto(`/requests/${grant.id}`);
  await expect(page.getByText(`Submitted on ${longDate(submittedAt, "en-GB")}`)).toBeVisible();
  await expect(page.getByText(`Your access is active until ${longDate(expiresAt, "en-GB")}, included.`)).toBeVisible();
  const text = (await page.locator("main").textContent()) ?? "";
  expect(text).not.toMatch(US_DATE);
  expect(text).not.toMatch(SHORT_DATE);

  const reference = page.getByRole("heading", { level: 1 }).locator(".reference");
  await expect(reference).toHaveText(grant.reference);
  await expect(reference).toHaveCSS("white-space", "nowrap");
});

test("the review page writes dates in sentences the long way and its history the short way, in UTC", async ({ page, signInAs }) => {
  const submittedAt = new Date(Date.now() - 3 * DAY);
  const request = await createRequestIn({ status: "SUBMITTED", submittedAt });
  await signInAs("WMF_REVIEWER");

  await page.goto(`/review/${request.id}`);
  await expect(page.getByText(new RegExp(`Submitted ${longDate(submittedAt, "en-GB")} by`))).toBeVisible();
  await page.getByRole("button", { name: "Take this request" }).click();
  const history = page.getByRole("region", { name: /^History/ }).getByRole("listitem");
  await expect(history.first()).toContainText(SHORT_DATE_TIME);
  expect((await page.locator("main").textContent()) ?? "").not.toMatch(US_DATE);

  const reference = page.getByRole("heading", { level: 1 }).locator(".reference");
  await expect(reference).toHaveText(request.reference);
  await expect(reference).toHaveCSS("white-space", "nowrap");
});
