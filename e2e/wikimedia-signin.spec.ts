// Signing in with a Wikimedia account, end to end, against a stand-in that answers as Meta-Wiki's
// OAuth 2.0 endpoints do: accepted, refused, linked to an earlier email sign-in, renamed, denied
// at the provider, and a forged or replayed answer from it.
import { createSession, createUser, testDb } from "./support/database";
import { expect, expectAccessible, test } from "./support/fixtures";
import { createSubmittedRequest } from "./support/requests";
import { baseURL } from "./support/settings";
import { signInWithWikimedia, wikimediaAccount } from "./support/wikimedia";

const usersWith = async (email: string) => Number((await testDb().query(`SELECT count(*) AS n FROM "User" WHERE email = $1`, [email])).rows[0].n);

async function userOfAccount(sub: string): Promise<string | undefined> {
  const rows = await testDb().query(`SELECT "userId" FROM "Account" WHERE provider = 'wikimedia' AND "providerAccountId" = $1`, [sub]);
  return rows.rows[0]?.userId;
}

test("a Wikimedia account signs in and lands on its requests, known by its central id", async ({ page }) => {
  const account = await wikimediaAccount();
  await signInWithWikimedia(page, account.username);
  await expect(page.getByRole("heading", { level: 1, name: "Your requests" })).toBeVisible();
  const userId = await userOfAccount(account.sub);
  expect(userId, "the account is linked by its central id").toBeTruthy();
  const user = (await testDb().query(`SELECT email FROM "User" WHERE id = $1`, [userId])).rows[0];
  expect(user.email).toBe(account.email);
});

test("without JavaScript too: the sign-in form's answer may take the browser to Wikimedia and back", async ({ browser }) => {
  const account = await wikimediaAccount();
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  await signInWithWikimedia(page, account.username);
  await expect(page.getByRole("heading", { level: 1, name: "Your requests" })).toBeVisible();
  expect(await userOfAccount(account.sub)).toBeTruthy();
  await context.close();
});

test("an account without a confirmed email is refused with a way to sign in by email, and nothing is created", async ({ page }) => {
  const account = await wikimediaAccount({ confirmed_email: false });
  await signInWithWikimedia(page, account.username);
  await expect(page.getByRole("heading", { level: 1, name: "Sign-in did not work" })).toBeVisible();
  await expect(page.getByText("Your Wikimedia account has no confirmed email address")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Try again" }).click();
  await expect(page.getByLabel("Email address")).toBeVisible();
  expect(await userOfAccount(account.sub)).toBeUndefined();
  expect(await usersWith(account.email)).toBe(0);
});

test("someone who signed in by email keeps their requests when they sign in with Wikimedia with the same confirmed address", async ({ page }) => {
  const request = await createSubmittedRequest();
  const account = await wikimediaAccount({ email: request.requester.email });
  await signInWithWikimedia(page, account.username);
  await expect(page.getByRole("heading", { level: 1, name: "Your requests" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(request.reference);
  expect(await userOfAccount(account.sub)).toBe(request.requester.id);
  expect(await usersWith(request.requester.email)).toBe(1);
});

test("a renamed account keeps its requests: the central id stays, the username changes", async ({ page, context }) => {
  const account = await wikimediaAccount();
  await signInWithWikimedia(page, account.username);
  await expect(page.getByRole("heading", { level: 1, name: "Your requests" })).toBeVisible();
  const userId = await userOfAccount(account.sub);
  const request = await createSubmittedRequest();
  await testDb().query(`UPDATE "Request" SET "requesterId" = $1 WHERE id = $2`, [userId, request.id]);

  await context.clearCookies();
  const renamed = await wikimediaAccount({ sub: account.sub, username: `${account.username} (renamed)`, email: account.email });
  await signInWithWikimedia(page, renamed.username);
  await expect(page.getByRole("heading", { level: 1, name: "Your requests" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(request.reference);
  expect(await userOfAccount(account.sub)).toBe(userId);
});

test("consent denied at Wikimedia returns to the sign-in page, which says so and offers both ways in again", async ({ page }) => {
  const account = await wikimediaAccount();
  await signInWithWikimedia(page, account.username, "Cancel");
  await expect(page).toHaveURL(/\/signin\?error=WikimediaDenied$/);
  await expect(page.getByRole("alert").filter({ hasText: "You did not allow this app to use your Wikimedia account" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign in with Wikimedia" })).toBeVisible();
  await expect(page.getByLabel("Email address")).toBeVisible();
  await expectAccessible(page);
  expect(await userOfAccount(account.sub)).toBeUndefined();
  expect(await usersWith(account.email)).toBe(0);
});

test("a forged state or a replayed code is refused, and nothing is created", async ({ page, context }) => {
  // Forged: the state that comes back is not the one this browser was sent with.
  const forged = await wikimediaAccount();
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in with Wikimedia" }).click();
  await page.getByRole("radio", { name: forged.username, exact: true }).check();
  await page.locator('input[name="state"]').evaluate((input: HTMLInputElement) => {
    input.value = "forged-state";
  });
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sign-in did not work" })).toBeVisible();
  expect(await userOfAccount(forged.sub)).toBeUndefined();
  expect(await usersWith(forged.email)).toBe(0);

  // Replayed: the answer that signed someone in is sent again, after they signed out.
  const replayed = await wikimediaAccount();
  let callback = "";
  page.on("request", (request) => {
    if (request.url().includes("/api/auth/callback/wikimedia")) callback ||= request.url();
  });
  await signInWithWikimedia(page, replayed.username);
  await expect(page.getByRole("heading", { level: 1, name: "Your requests" })).toBeVisible();
  expect(callback).toContain("code=");
  const sessions = async () =>
    Number((await testDb().query(`SELECT count(*) AS n FROM "Session" WHERE "userId" = $1`, [await userOfAccount(replayed.sub)])).rows[0].n);
  await context.clearCookies();
  const before = await sessions();
  await page.goto(callback);
  await expect(page.getByRole("heading", { level: 1, name: "Sign-in did not work" })).toBeVisible();
  expect(await sessions(), "the replayed code opens no session").toBe(before);
});

test("reviewers see who the requester is on the wikis, as their account said at their last sign-in, or that they signed in by email only", async ({
  page,
  browser,
}) => {
  const account = await wikimediaAccount({ editcount: 12345, registered: "20120304050607", groups: ["*", "user", "autoconfirmed", "sysop"] });
  await signInWithWikimedia(page, account.username);
  await expect(page.getByRole("heading", { level: 1, name: "Your requests" })).toBeVisible();
  const withAccount = await createSubmittedRequest();
  await testDb().query(`UPDATE "Request" SET "requesterId" = $1 WHERE id = $2`, [await userOfAccount(account.sub), withAccount.id]);
  const byEmail = await createSubmittedRequest();

  const reviewer = await createUser("WMF_REVIEWER");
  const context = await browser.newContext({ baseURL });
  await context.addCookies([{ name: "authjs.session-token", value: await createSession(reviewer.id), url: baseURL }]);
  const review = await context.newPage();
  await review.goto(`/review/${withAccount.id}`);
  const who = review.getByRole("region", { name: "Who", exact: true });
  await expect(who).toContainText(`Wikimedia account: ${account.username} (12,345 edits, since 2012; groups: sysop)`);
  await expectAccessible(review);
  await expect(review.getByRole("region", { name: /^Flags/ })).not.toContainText("Wikimedia account");
  await review.goto(`/review/${byEmail.id}`);
  await expect(review.getByRole("region", { name: "Who", exact: true })).toContainText("Wikimedia account: None: signed in by email only");

  // Blocked since: the next sign-in with the account says so, and the request in review is flagged red.
  await wikimediaAccount({ ...account, blocked: true });
  await page.context().clearCookies();
  await signInWithWikimedia(page, account.username);
  await expect(page.getByRole("heading", { level: 1, name: "Your requests" })).toBeVisible();
  await review.goto(`/review/${withAccount.id}`);
  await expect(review.getByRole("region", { name: "Who", exact: true }).getByText("Blocked", { exact: true })).toBeVisible();
  await expect(review.getByRole("region", { name: /^Flags/ })).toContainText(`Red flag The requester's Wikimedia account (${account.username}) was blocked`);
  await review.goto(`/review?q=${encodeURIComponent(withAccount.reference)}`);
  await expect(review.getByRole("row").filter({ hasText: withAccount.reference })).toContainText("Blocked account");
  await context.close();
});
