// The public figures: counts for a known set of requests in a period of their own (2011, which no
// other test touches), the charts and table that show them, and the date form's errors.
import type { Page } from "@playwright/test";

import { fillDate } from "./support/dates";
import { expect, expectAccessible, test } from "./support/fixtures";
import { createRequestIn, wikidataHeavy } from "./support/requests";
import { baseURL } from "./support/settings";

const DAY = 86_400_000;

/** A request submitted at `submittedAt` (UTC), decided `days` days and a few hours later when given. */
async function requestOf(submittedAt: string, status: string, options: { joint?: boolean; days?: number } = {}) {
  const submitted = new Date(submittedAt);
  await createRequestIn({
    status,
    submittedAt: submitted,
    change: options.joint ? wikidataHeavy : () => {},
    decision:
      options.days === undefined
        ? undefined
        : { outcome: status === "DECLINED" ? "DECLINED" : "GRANTED", decidedAt: new Date(submitted.getTime() + options.days * DAY + 3 * 3_600_000) },
  });
}

const cells = async (page: Page, heading: string) =>
  page
    .getByRole("table", { name: /^Requests received from/ })
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: heading }) })
    .getByRole("cell")
    .allTextContents();

test("the figures count a known set of requests by quarter, in a chart and a table", async ({ page }) => {
  // Q1 2011: five decisions taking 1, 2, 3, 4 and 10 days, and a cancelled joint request.
  await requestOf("2011-01-05T10:00:00Z", "GRANTED", { days: 1 });
  await requestOf("2011-01-20T10:00:00Z", "EXPIRED", { days: 2, joint: true });
  await requestOf("2011-02-10T10:00:00Z", "WITHDRAWN", { days: 3 });
  await requestOf("2011-03-01T10:00:00Z", "DECLINED", { days: 4 });
  await requestOf("2011-03-31T23:59:00Z", "DECLINED", { days: 10 });
  await requestOf("2011-02-14T10:00:00Z", "CANCELLED", { joint: true });
  // Q2 2011: one lapsed, two still waiting; then one the day after the period.
  await requestOf("2011-04-01T00:00:00Z", "LAPSED");
  await requestOf("2011-05-01T00:00:00Z", "IN_REVIEW", { joint: true });
  await requestOf("2011-06-30T23:59:00Z", "SUBMITTED");
  await requestOf("2011-07-01T00:00:00Z", "SUBMITTED");

  await page.goto("/");
  await page.getByRole("main").getByRole("link", { name: "See the figures" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Exceptional access in figures" })).toBeVisible();
  await fillDate(page, "From", "2011-01-01");
  await fillDate(page, "To", "2011-06-30");
  await page.getByRole("button", { name: "Show figures" }).click();
  await expect(page).toHaveURL(/from-day=1&from-month=1&from-year=2011&to-day=30&to-month=6&to-year=2011/);

  await expect(page.getByRole("table", { name: /^Requests received from/ })).toContainText(
    "Requests received from 1 January 2011 to 30 June 2011, by quarter of submission",
  );
  expect(await cells(page, "Q1 2011")).toEqual(["6", "3", "2", "1", "0", "0", "33%", "3", "7.6"]);
  expect(await cells(page, "Q2 2011")).toEqual(["3", "0", "0", "0", "1", "2", "33%", "too few", "too few"]);
  expect(await cells(page, "Whole period")).toEqual(["9", "3", "2", "1", "1", "2", "33%", "3", "7.6"]);
  // Within the decision target: the five decisions were; the two requests still waiting, long past it, were not.
  const withinTarget = async (heading: string) =>
    page
      .getByRole("table", { name: /^Decided within the decision target/ })
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: heading }) })
      .getByRole("cell")
      .allTextContents();
  expect(await withinTarget("Q1 2011")).toEqual(["5", "5", "100%"]);
  expect(await withinTarget("Q2 2011")).toEqual(["0", "2", "too few"]);
  expect(await withinTarget("Whole period")).toEqual(["5", "7", "71%"]);

  const glance = page.getByRole("region", { name: "At a glance" });
  await expect(glance).toContainText("Requests received, 1 January 2011 to 30 June 2011");
  await expect(glance.getByRole("definition").nth(1)).toHaveText("9");
  await expect(glance.getByRole("definition").first()).toHaveText(/^\d[\d,]*$/);

  const bars = page.getByRole("img", { name: "Requests received per quarter, by what became of them" });
  await expect(bars).toBeVisible();
  await expect(bars).toHaveAccessibleDescription(/Stacked bars for 2 quarters, Q1 2011 to Q2 2011\..*The most requests, 6, came in Q1 2011\./);
  // The charts' own styles reach the screen (without them every fill shows black).
  await expect(bars).toHaveCSS("max-width", "768px");
  await expect(bars.locator(".chart__segment").first()).toHaveCSS("stroke", "rgb(255, 255, 255)");
  const lines = page.getByRole("img", { name: "Days from submission to decision, per quarter" });
  await expect(lines).toHaveAccessibleDescription(/fewer than 5 decisions have no point/);
  await expect(page.getByRole("region", { name: "Requests received per quarter, by what became of them" }).getByRole("listitem")).toHaveText([
    "Granted",
    "Declined",
    "Cancelled",
    "Lapsed",
    "Still waiting",
  ]);
  await expectAccessible(page);

  // One month of it: the quarter is marked as covered in part.
  await page.goto("/figures?from=2011-03-01&to=2011-03-31");
  await expect(page.getByRole("table", { name: /^Requests received from/ }).getByRole("rowheader", { name: /Q1 2011/ })).toContainText(
    "only 1 Mar 2011 to 31 Mar 2011",
  );
  expect(await cells(page, "Whole period")).toEqual(["2", "0", "2", "0", "0", "0", "0%", "too few", "too few"]);
  await expect(page.getByText("No quarter in this period had 5 or more decisions")).toBeVisible();
});

test("wrong dates get a clear message beside each field and in a summary, never an error page", async ({ page }) => {
  const response = await page.goto("/figures?from=2011-02-30&to=yesterday");
  expect(response?.status()).toBe(200);
  await expect(page).toHaveTitle(/^Error: Exceptional access in figures/);
  const summary = page.getByRole("alert", { name: "There is a problem" });
  await expect(summary).toContainText("Enter the start of the period as a real date, with its day, month and year");
  await expect(summary).toContainText("Enter the end of the period as a real date, with its day, month and year");
  await expect(page.getByText("Correct the dates above to see the figures.")).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);
  await expectAccessible(page);
  await summary.getByRole("link", { name: /start of the period/ }).click();
  const from = page.getByRole("group", { name: "From", exact: true });
  await expect(from.getByLabel("Day")).toBeFocused();
  for (const box of ["Day", "Month", "Year"]) await expect(from.getByLabel(box)).toHaveAttribute("aria-invalid", "true");

  await page.goto("/figures?from=2011-05-01&to=2011-04-01");
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("The end of the period must be the same day as its start or later");
  await page.goto("/figures?from=2001-01-01&to=2011-04-01");
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("Choose a period of 10 years or less");
  await page.goto("/figures?from=1999-12-31");
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("Enter a date between 1 January 2000 and 31 December 2099");
  await expectAccessible(page);

  for (const query of ["from[]=x", "from=%00&to=%ff", `from=${"9".repeat(5000)}`, "to=2011-01-01&to=2012-01-01"]) {
    const answer = await page.request.get(`/figures?${query}`);
    expect(answer.status(), query).toBe(200);
  }
});

test("the date form works without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/figures");
  await fillDate(page, "From", "2011-04-01");
  await fillDate(page, "To", "2011-06-30");
  await page.getByRole("button", { name: "Show figures" }).click();
  await expect(page).toHaveURL(/from-day=1&from-month=4&from-year=2011/);
  await expect(page.getByRole("table", { name: /^Requests received from/ })).toContainText("Q2 2011");
  await context.close();
});
