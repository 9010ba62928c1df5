// The name reviewers see: a requester sets it on their account page (with and without
// JavaScript), a wrong one is explained and kept, and a reviewer then sees it on the request.
import type { Browser, BrowserContext } from "@playwright/test";

import { createSession, createUser, testDb } from "./support/database";
import { expect, expectAccessible, test } from "./support/fixtures";
import { createSubmittedRequest } from "./support/requests";
import { baseURL } from "./support/settings";

async function signInAsUser(context: BrowserContext, userId: string) {
  const token = await createSession(userId);
  await context.addCookies([{ name: "authjs.session-token", value: token, url: baseURL, httpOnly: true, sameSite: "Lax" }]);
}

/** What a new WMF reviewer reads about who submitted the request. */
async function submittedBy(browser: Browser, requestId: string) {
  const reviewer = await createUser("WMF_REVIEWER");
  const context = await browser.newContext({ baseURL });
  await signInAsUser(context, reviewer.id);
  const page = await context.newPage();
  await page.goto(`/review/${requestId}`);
  const text = await page.getByText(/^Submitted .+ by /).textContent();
  await context.close();
  return text ?? "";
}

const nameChanges = async (userId: string) =>
  (await testDb().query(`SELECT after FROM "AuditEntry" WHERE "subjectId" = $1 AND action = 'user.name_changed' ORDER BY at`, [userId])).rows.map(
    (row: { after: unknown }) => row.after,
  );

test("a requester sets the name reviewers see, after a wrong one is explained and kept", async ({ page, context, browser }) => {
  const mine = await createSubmittedRequest();
  await signInAsUser(context, mine.requester.id);
  await page.goto("/account");
  const field = page.getByLabel("Name shown to reviewers");
  await expect(field).toHaveValue(mine.requester.name);
  await expect(field).toHaveAttribute("dir", "auto");

  await field.fill("ada@example.org");
  await page.getByRole("button", { name: "Save name" }).click();
  const summary = page.getByRole("alert", { name: "There is a problem" });
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(/^Error: /);
  await summary.getByRole("link", { name: "Enter your name, not an email address" }).click();
  await expect(field).toBeFocused();
  await expect(field).toHaveValue("ada@example.org");
  await expectAccessible(page);

  await field.fill("  Ada   Lovelace ");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByRole("status")).toHaveText("Your name is saved.");
  await expect(page.getByLabel("Name shown to reviewers")).toHaveValue("Ada Lovelace");
  await expect(page.locator(".summary-list__row", { hasText: "Name" }).locator("bdi")).toHaveText("Ada Lovelace");
  expect(await submittedBy(browser, mine.id)).toMatch(/ by Ada Lovelace$/);
  expect(await nameChanges(mine.requester.id)).toEqual([{ named: true }]);
});

test("a requester removes their name, and reviewers see the email address instead", async ({ page, context, browser }) => {
  const mine = await createSubmittedRequest();
  await signInAsUser(context, mine.requester.id);
  await page.goto("/account");
  await page.getByLabel("Name shown to reviewers").fill("");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByRole("status")).toHaveText("Your name is removed: reviewers see your email address instead.");
  await expect(page.locator(".summary-list__row", { hasText: "Name" }).locator("dd")).toHaveText("Not given");
  expect(await submittedBy(browser, mine.id)).toMatch(new RegExp(` by ${mine.requester.email.replace(/[.+]/g, "\\$&")}$`));
  expect(await nameChanges(mine.requester.id)).toEqual([{ named: false }]);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the name form explains a name that is too long, keeps it, and saves a good one", async ({ page, context }) => {
    const requester = await createUser("REQUESTER");
    await signInAsUser(context, requester.id);
    await page.goto("/account");
    const long = "Ada ".repeat(40).trim();
    await page.getByLabel("Name shown to reviewers").fill(long);
    await page.getByRole("button", { name: "Save name" }).click();
    await expect(page.getByRole("alert").getByRole("link", { name: "Shorten this answer to 120 characters or fewer" })).toBeVisible();
    await expect(page.getByLabel("Name shown to reviewers")).toHaveValue(long);

    await page.getByLabel("Name shown to reviewers").fill("Grace Hopper");
    await page.getByRole("button", { name: "Save name" }).click();
    await expect(page).toHaveURL(/\/account\?name=saved/);
    await expect(page.getByText("Your name is saved.")).toBeVisible();
    await expect(page.getByLabel("Name shown to reviewers")).toHaveValue("Grace Hopper");
  });
});
