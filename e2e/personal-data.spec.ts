// Personal data: a requester downloads what is held about them, and erases it once nothing is
// open; what stays (decisions, references, the audit trail) is checked in the database.
import { readFileSync } from "node:fs";

import type { BrowserContext } from "@playwright/test";

import { createSession, moveStatus, testDb } from "./support/database";
import { expect, expectAccessible, test } from "./support/fixtures";
import { createSubmittedRequest } from "./support/requests";
import { baseURL } from "./support/settings";

async function signInAsUser(context: BrowserContext, userId: string) {
  const token = await createSession(userId);
  await context.addCookies([{ name: "authjs.session-token", value: token, url: baseURL, httpOnly: true, sameSite: "Lax" }]);
}

test("a requester sees and downloads their data, and cannot erase it while a request is open", async ({ page, context }) => {
  const mine = await createSubmittedRequest();
  const theirs = await createSubmittedRequest();
  await signInAsUser(context, mine.requester.id);

  await page.goto("/requests");
  await page.getByRole("navigation", { name: "Main" }).getByText("Account", { exact: true }).click();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Your data" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your data" })).toBeVisible();
  await expect(page.locator("dd", { hasText: mine.requester.email })).toBeVisible();
  await expectAccessible(page);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download your data (JSON)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^exceptional-access-data-\d{4}-\d{2}-\d{2}\.json$/);
  const text = readFileSync((await download.path())!, "utf8");
  const data = JSON.parse(text) as { account: { email: string }; requests: { reference: string; answers: { who: { email: string } } }[] };
  expect(data.account.email).toBe(mine.requester.email);
  expect(data.requests.map((request) => request.reference)).toEqual([mine.reference]);
  expect(data.requests[0]!.answers.who.email).toBe(mine.requester.email);
  expect(text).not.toContain(theirs.reference);
  expect(text).not.toContain(theirs.requester.email);

  await page.getByRole("link", { name: "Erase your data" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Erase your data?" })).toBeVisible();
  await expect(page.getByText("You have a request in progress or access in force.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Erase my data" })).toHaveCount(0);
  await expectAccessible(page);
});

test("the erasure form and its error are accessible", async ({ page, context }) => {
  const mine = await createSubmittedRequest();
  await moveStatus(mine.id, "DECLINED");
  await signInAsUser(context, mine.requester.id);
  await page.goto("/account/erase");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Erase my data" }).click();
  await expect(page.getByRole("alert").getByText("Enter the email address you sign in with")).toBeVisible();
  await expectAccessible(page);
  const user = await testDb().query<{ email: string | null }>(`SELECT email FROM "User" WHERE id = $1`, [mine.requester.id]);
  expect(user.rows[0]!.email).toBe(mine.requester.email);
});

// axe needs scripts in the page, so these steps are checked for behaviour only.
test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a requester erases their data once the request is closed, and is signed out", async ({ page, context }) => {
    const mine = await createSubmittedRequest();
    await moveStatus(mine.id, "CANCELLED");
    await signInAsUser(context, mine.requester.id);

    await page.goto("/account/erase");
    await expect(page.getByRole("heading", { name: "What stays, and why" })).toBeVisible();
    await page.getByLabel("Your email address").fill("someone-else@example.org");
    await page.getByRole("button", { name: "Erase my data" }).click();
    await expect(page.getByRole("alert").getByText("Enter the email address you sign in with")).toBeVisible();

    await page.getByLabel("Your email address").fill(mine.requester.email);
    await page.getByRole("button", { name: "Erase my data" }).click();
    await expect(page).toHaveURL(/\/account\/erased$/);
    await expect(page.getByRole("heading", { level: 1, name: "Your data has been erased" })).toBeVisible();

    const user = await testDb().query<{ email: string | null; name: string | null; erasedAt: Date | null }>(
      `SELECT email, name, "erasedAt" FROM "User" WHERE id = $1`,
      [mine.requester.id],
    );
    expect(user.rows[0]).toMatchObject({ email: null, name: null });
    expect(user.rows[0]!.erasedAt).not.toBeNull();
    const request = await testDb().query<{ reference: string; answers: { who: Record<string, string> }; contactName: string | null }>(
      `SELECT reference, answers, "contactName" FROM "Request" WHERE id = $1`,
      [mine.id],
    );
    expect(request.rows[0]!.reference).toBe(mine.reference);
    expect(request.rows[0]!.answers.who.email).toBeUndefined();
    expect(request.rows[0]!.contactName).toBeNull();
    const sessions = await testDb().query(`SELECT 1 FROM "Session" WHERE "userId" = $1`, [mine.requester.id]);
    expect(sessions.rowCount).toBe(0);

    await page.goto("/account");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  });
});
