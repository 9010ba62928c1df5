// The in-kind value of grants: an admin adds a unit cost (refused first, kept as typed, then
// listed, and a second price for the same day refused), and a WMF reviewer sees the estimate with
// its formula on the decision form, after a refused submit from what was sent, on the decision
// once made, and on the dashboard.
import { randomInt } from "node:crypto";

import { createSession, testDb } from "./support/database";
import { fillDate } from "./support/dates";
import { expect, expectAccessible, test } from "./support/fixtures";
import { createSubmittedRequest } from "./support/requests";
import { openDisclosure, personPage, take } from "./support/review";
import { baseURL } from "./support/settings";

/** The prices the decision journey expects, in force long before today (the same every run, so parallel runs agree). */
async function examplePrices() {
  await testDb().query(
    `INSERT INTO "UnitCost" (id, kind, "amountCents", "validFrom")
     VALUES ('e2e_on_demand', 'on_demand_million', 4000, '2001-01-01'), ('e2e_snapshot', 'snapshot_download', 2500, '2001-01-01'),
            ('e2e_realtime', 'realtime_month', 150000, '2001-01-01'), ('e2e_development', 'development_day', 80000, '2001-01-01')
     ON CONFLICT DO NOTHING`,
  );
}

const today = () => new Date().toISOString().slice(0, 10);

test("an admin adds a unit cost: refused with what was typed kept, then added, and a second price for that day refused", async ({
  page,
  browser,
  signInAs,
}) => {
  test.setTimeout(90_000);
  // A day far ahead, different in each run, so repeated and parallel runs never meet.
  const day = `${2090 + randomInt(9)}-${String(1 + randomInt(12)).padStart(2, "0")}-${String(1 + randomInt(28)).padStart(2, "0")}`;
  const admin = await signInAs("ADMIN");
  await page.goto("/admin/costs");
  await expect(page.getByRole("heading", { level: 1, name: "Unit costs" })).toBeVisible();

  await page.getByLabel("Price in US dollars").fill("-12");
  await page.getByRole("button", { name: "Add price" }).click();
  const summary = page.getByRole("alert", { name: "There is a problem" });
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("Choose what the price is for");
  await expect(summary).toContainText("A price cannot be negative");
  await expect(summary).toContainText("Enter the day from which the price applies");
  await expect(page.getByLabel("Price in US dollars")).toHaveValue("-12");
  await expect(page).toHaveTitle(/^Error: /);
  await expectAccessible(page);

  await page.getByLabel("Price for").selectOption({ label: "A Snapshot download" });
  await page.getByLabel("Price in US dollars").fill("1,250.50");
  await fillDate(page, "Applies from", day);
  await page.getByRole("button", { name: "Add price" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Price added." })).toBeVisible();
  const history = page.getByRole("table", { name: "A Snapshot download" });
  await expect(history.getByRole("row").filter({ hasText: "$1,250.50" }).first()).toContainText("(not yet in force)");
  await expectAccessible(page);

  await page.getByLabel("Price for").selectOption({ label: "A Snapshot download" });
  await page.getByLabel("Price in US dollars").fill("99");
  await fillDate(page, "Applies from", day);
  await page.getByRole("button", { name: "Add price" }).click();
  await expect(summary).toContainText("This kind already has a price from that day");
  await expect(page.getByLabel("Price in US dollars")).toHaveValue("99");

  // The same error state in German.
  const german = await browser.newContext({ baseURL, locale: "de-DE" });
  await german.addCookies([{ name: "authjs.session-token", value: await createSession(admin.id), url: baseURL }]);
  const de = await german.newPage();
  await de.goto("/admin/costs");
  await de.getByLabel("Preis in US-Dollar").fill("zehn");
  await de.getByRole("button", { name: "Preis hinzufügen" }).click();
  await expect(de.getByRole("alert", { name: "Es gibt ein Problem" })).toContainText("Geben Sie den Preis als Betrag in US-Dollar ein");
  await expectAccessible(de);
  await german.close();
});

test("the decision form estimates the grant's value with its formula, then the decision and the dashboard show it", async ({ browser }) => {
  test.setTimeout(90_000);
  await examplePrices();
  const submitted = await createSubmittedRequest();
  const { page: review } = await personPage(browser, "WMF_REVIEWER");
  await take(review, submitted.id);

  // Custom development, estimated on the review page, counts once.
  await openDisclosure(review, "Estimate the days of custom development");
  const development = review.getByRole("form", { name: "Custom development" });
  await development.getByLabel("Days of custom development").fill("2");
  await development.getByRole("button", { name: "Save estimate" }).click();
  await expect(development.getByRole("status")).toHaveText("Estimate saved.");

  await review.getByRole("link", { name: "Grant or decline" }).click();
  const form = review.getByRole("form", { name: "Grant or decline?" });
  await form.getByLabel("Grant access", { exact: true }).check();
  const estimate = form.getByTestId("in-kind-value");
  // From the scope asked for: a million On-demand requests a month; Snapshot waits for a frequency.
  await expect(estimate).toContainText("On-demand: 1,000,000 requests a month × $40.00 per million = $40.00 a month");
  await expect(estimate).toContainText("Custom development: 2 days × $800.00 a day = $1,600.00, once");
  await expect(estimate).toContainText("Choose a Snapshot frequency to include Snapshot in the estimate.");

  // Refused for a missing rationale: the estimate follows what was sent.
  await form.getByRole("group", { name: "Snapshot API: how often" }).getByLabel("weekly").check();
  await fillDate(form, "Start date", today());
  const expiry = new Date(Date.now() + 364 * 86_400_000).toISOString().slice(0, 10);
  await fillDate(form, "Expiry date", expiry);
  await form.getByRole("button", { name: "Continue" }).click();
  await expect(review.getByRole("alert", { name: "There is a problem" })).toBeVisible();
  await expect(estimate).toContainText("Snapshot: 4.33 downloads a month (weekly) × $25.00 per download = $108.33 a month");
  await expect(estimate).toContainText("A month$148.33");
  await expect(estimate).toContainText("$148.33 × 12 months + $1,600.00 development = $3,379.96");
  await expectAccessible(review);

  const criteria = form.getByRole("group", { name: "Criteria the grant rests on" });
  await criteria.getByLabel("Need").check();
  await form.getByLabel("Rationale (internal)", { exact: true }).fill("Clear need above the free volume.");
  await form.getByLabel("Message to the requester").filter({ visible: true }).fill("Your access is ready.");
  await form.getByRole("button", { name: "Continue" }).click();
  const check = review.getByRole("form", { name: "Check your decision" });
  await expect(check.getByTestId("in-kind-value")).toContainText("$3,379.96");
  await check.getByRole("button", { name: "Grant access and email the requester" }).click();
  await expect(review.getByRole("status").filter({ hasText: "The request is granted." })).toBeVisible();

  // On the decision: the prices of its decision day.
  const decided = review.getByRole("region", { name: "Decision" }).getByTestId("in-kind-value");
  await expect(decided).toContainText("$148.33 × 12 months + $1,600.00 development = $3,379.96");

  await review.goto("/review/dashboard");
  await expect(review.getByTestId("active-value-total")).toContainText(/active today, together worth an estimated \$[\d,.]+ a month\./);
  await expectAccessible(review);
  await review.context().close();
});
