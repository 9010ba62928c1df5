// The admin's webhook pages: adding an endpoint (a refused address explained at its field, the
// signing secret shown once and never again), editing it, a test event, a failed delivery sent
// again, the dashboard's warning for admins only, and the pages on a phone. What the worker does
// with the deliveries is not asserted here: endpoints are turned off before anything is sent
// (the one added through the page, once the test is done with it).
import { randomUUID } from "node:crypto";

import type { Page } from "@playwright/test";

import { createSession, createUser, testDb } from "./support/database";
import { expect, expectAccessible, test } from "./support/fixtures";
import { baseURL } from "./support/settings";
import { createFailedDelivery, createWebhookEndpoint } from "./support/world";

const SECRET = /whsec_[A-Za-z0-9+/=]+/;

/** The page's whole HTML, and its address: where a secret must not be once shown. */
async function everywhere(page: Page) {
  return `${page.url()}\n${await page.content()}`;
}

test("an admin adds an endpoint: a refused address is explained at its field, then the secret is shown once", async ({ page, signInAs }) => {
  const url = `https://receiver.invalid/hooks/${randomUUID()}`;
  await signInAs("ADMIN");
  await page.goto("/admin/webhooks");
  await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Address (URL)").fill("http://receiver.invalid/plain");
  await page.getByLabel("Description (optional)").fill("Account system");
  await page.getByLabel("grant.created").check();
  await page.getByLabel("entitlement.changed").check();
  await page.getByRole("button", { name: "Add endpoint" }).click();

  const summary = page.getByRole("alert", { name: "There is a problem" });
  await expect(summary).toBeFocused();
  const link = summary.getByRole("link", { name: /Enter an address starting with https:\/\// });
  await expect(link).toHaveAttribute("href", "#url");
  await link.click();
  await expect(page.getByLabel("Address (URL)")).toBeFocused();
  await expect(page.getByLabel("Address (URL)")).toHaveValue("http://receiver.invalid/plain");
  await expect(page.getByLabel("Description (optional)")).toHaveValue("Account system");
  await expect(page.getByLabel("grant.created")).toBeChecked();
  await expect(page.getByLabel("entitlement.changed")).toBeChecked();
  await expect(page.getByLabel("request.submitted")).not.toBeChecked();
  await expect(page).toHaveTitle(/^Error: /);
  await expectAccessible(page);

  await page.getByLabel("Address (URL)").fill(url);
  await page.getByRole("button", { name: "Add endpoint" }).click();
  const shown = page.getByTestId("webhook-secret");
  await expect(shown).toHaveText(/^whsec_/);
  const secret = (await shown.textContent()) ?? "";
  await expect(page.getByRole("status").filter({ hasText: "It will not be shown again" })).toBeVisible();
  expect(page.url()).not.toContain("whsec_");
  const row = page.getByRole("table", { name: "Webhook endpoints" }).getByRole("row").filter({ hasText: url });
  await expect(row).toContainText("grant.created");
  await expect(row).toContainText("Nothing sent yet");
  await expectAccessible(page);

  await page.reload();
  await expect(page.getByRole("table", { name: "Webhook endpoints" }).getByRole("row").filter({ hasText: url })).toBeVisible();
  expect(await everywhere(page)).not.toContain(secret);
  expect(await everywhere(page)).not.toMatch(SECRET);
  await page.getByRole("link", { name: url }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Webhook endpoint" })).toBeVisible();
  expect(await everywhere(page)).not.toMatch(SECRET);
  // Otherwise the worker would send it every later decision of the run.
  await testDb().query(`UPDATE "WebhookEndpoint" SET enabled = false WHERE url = $1`, [url]);
});

test("an admin edits an endpoint on the version seen, sends it a test event and rotates its secret", async ({ page, signInAs }) => {
  const endpoint = await createWebhookEndpoint(`https://receiver.invalid/edited/${randomUUID()}`);
  await signInAs("ADMIN");
  await page.goto(`/admin/webhooks/${endpoint}`);
  await expect(page.getByRole("table", { name: "Deliveries" })).toContainText("Nothing has been sent to this endpoint yet.");
  await expect(page.getByLabel("Send events to this endpoint")).not.toBeChecked();

  await page.getByLabel("Description (optional)").fill("Account system, staging");
  await page.getByLabel("request.declined").check();
  await page.getByLabel("Send events to this endpoint").check();
  const version = page.locator('form:has(#enabled) input[name="version"]');
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your changes are saved." })).toBeVisible();
  await expect(version).toHaveValue("1");
  // Saved again on the version the first save made; off, so the test event stays where the page shows it, whatever the worker does.
  await page.getByLabel("Send events to this endpoint").uncheck();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(version).toHaveValue("2");
  await page.reload();
  await expect(page.getByLabel("Description (optional)")).toHaveValue("Account system, staging");
  await expect(page.getByLabel("request.declined")).toBeChecked();
  await expect(page.getByLabel("Send events to this endpoint")).not.toBeChecked();

  await testDb().query(`UPDATE "WebhookEndpoint" SET version = version + 1 WHERE id = $1`, [endpoint]);
  await page.getByLabel("Description (optional)").fill("Changed on an old version");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("Someone changed this endpoint while you were on this page");
  await expect(page.getByLabel("Description (optional)")).toHaveValue("Changed on an old version");
  await page.reload();
  await expect(page.getByLabel("Description (optional)")).toHaveValue("Account system, staging");

  await page.getByRole("button", { name: "Send a test event" }).click();
  await expect(page.getByRole("status").filter({ hasText: "A test event is on its way" })).toBeVisible();
  const test = page.getByRole("table", { name: "Deliveries" }).getByRole("row").filter({ hasText: "webhook.test" });
  await expect(test).toContainText("Paused: the endpoint is off");
  await expect(test).toContainText("None (a test)");
  await expect(test).toContainText(/msg_[0-9a-f]{32}/);
  await expectAccessible(page);

  await page.getByRole("button", { name: "Rotate the secret" }).click();
  const rotated = page.getByTestId("webhook-secret");
  await expect(rotated).toHaveText(/^whsec_/);
  await page.reload();
  expect(await everywhere(page)).not.toMatch(SECRET);
});

test("an admin sends a failed delivery again; what the receiver answered is shown as text", async ({ page, signInAs }) => {
  const endpoint = await createWebhookEndpoint(`https://receiver.invalid/failing/${randomUUID()}`);
  const delivery = await createFailedDelivery(endpoint);
  await signInAs("ADMIN");
  await page.goto(`/admin/webhooks/${endpoint}`);
  const deliveries = page.getByRole("table", { name: "Deliveries" });
  const row = deliveries.getByRole("row").filter({ hasText: "webhook.test" });
  await expect(row).toContainText("Failed");
  await expect(row).toContainText("503");
  await expect(row).toContainText("120 ms");
  await row.getByText("Show").click();
  await expect(row).toContainText("<h1>Service unavailable</h1>");
  await expect(page.getByRole("heading", { name: "Service unavailable" })).toHaveCount(0);
  await expectAccessible(page);

  await row.getByRole("button", { name: /Send again/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "The delivery is back in line to be sent." })).toBeVisible();
  await expect(row).toContainText("Paused: the endpoint is off");
  await expect(row.getByRole("button", { name: /Send again/ })).toHaveCount(0);
  expect(delivery).toMatch(/^test_/);
});

test("the dashboard warns admins, and only admins, of an endpoint whose deliveries failed", async ({ browser, page, signInAs }) => {
  const url = `https://receiver.invalid/warned/${randomUUID()}`;
  const endpoint = await createWebhookEndpoint(url);
  await createFailedDelivery(endpoint);
  await signInAs("ADMIN");
  await page.goto("/review/dashboard");
  const warning = page.getByRole("region", { name: "Webhook deliveries are failing" });
  await expect(warning.getByRole("link", { name: url })).toHaveAttribute("href", `/admin/webhooks/${endpoint}`);
  await expect(warning.getByRole("listitem").filter({ hasText: url })).toContainText("1 delivery failed");
  await expectAccessible(page);

  const context = await browser.newContext();
  const reviewer = await context.newPage();
  await test.step("a WMF reviewer", async () => {
    const user = await createUser("WMF_REVIEWER");
    await context.addCookies([{ name: "authjs.session-token", value: await createSession(user.id), url: baseURL, httpOnly: true, sameSite: "Lax" }]);
    await reviewer.goto("/review/dashboard");
    await expect(reviewer.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
    await expect(reviewer.getByText("Webhook deliveries are failing")).toHaveCount(0);
    expect((await reviewer.goto("/admin/webhooks"))?.status()).toBe(404);
    expect((await reviewer.goto(`/admin/webhooks/${endpoint}`))?.status()).toBe(404);
  });
  await context.close();
});

test.describe("on a phone (390 px)", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  for (const language of ["en", "de"]) {
    test(`the webhook pages do not scroll sideways, in ${language}`, async ({ page, signInAs }) => {
      const endpoint = await createWebhookEndpoint(`https://receiver.invalid/a/rather/long/path/for/a/phone/${randomUUID()}${randomUUID()}`);
      await createFailedDelivery(endpoint);
      await signInAs("ADMIN");
      for (const path of ["/admin/webhooks", `/admin/webhooks/${endpoint}`, "/review/dashboard"]) {
        await page.goto(`${path}?uselang=${language}`);
        const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
        expect(scrollWidth, `${path} in ${language}`).toBeLessThanOrEqual(innerWidth);
      }
    });
  }
});
