import { uniqueEmail } from "./support/database";
import { expect, expectAccessible, test } from "./support/fixtures";
import { firstLink, waitForMail } from "./support/mailbox";
import { E2E } from "./support/settings";

test("the start page promises the sign-in this installation offers: with a Wikimedia account or by email", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByText("You will be asked to sign in first, with your Wikimedia account or a link sent to your email.")).toBeVisible();
  await page.goto("/signin");
  await expect(page.getByRole("heading", { name: "With your Wikimedia account" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign in with Wikimedia" })).toBeVisible();
  await expect(page.getByLabel("Email address")).toBeVisible();
  await expectAccessible(page);
});

test("a newcomer signs in with a link from their email and lands on their requests", async ({ page }) => {
  const email = uniqueEmail("newcomer");
  await page.goto("/signin");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expect(page.locator(".lead")).toHaveText(`We sent a sign-in link to ${email}. The link works once, for 60 minutes.`);

  const mail = await waitForMail(email, /sign-in link/);
  expect(mail.html).toContain("Sign in");
  await page.goto(firstLink(mail));

  await expect(page).toHaveURL(/\/requests$/);
  await expect(page.getByRole("heading", { name: "Your requests" })).toBeVisible();
  // Who is signed in, and the way out, are in the header's account menu.
  await page.getByRole("navigation", { name: "Main" }).getByText("Account", { exact: true }).click();
  await expect(page.getByRole("navigation", { name: "Main" }).getByText(email)).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/requests");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Frequests/);
});

test("a sign-in link works only once", async ({ page, browser }) => {
  const email = uniqueEmail("once");
  await page.goto("/signin");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
  const link = firstLink(await waitForMail(email, /sign-in link/));
  await page.goto(link);
  await expect(page).toHaveURL(/\/requests$/);

  const other = await browser.newPage();
  await other.goto(link);
  await expect(other.getByRole("heading", { name: "Sign-in did not work" })).toBeVisible();
  await expect(other.getByText("expired or was already used")).toBeVisible();
  await other.close();
});

test("after signing in, a person returns to the page that sent them to sign in", async ({ page }) => {
  const email = uniqueEmail("return");
  await page.goto("/review");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Freview/);
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
  await page.goto(firstLink(await waitForMail(email, /sign-in link/)));
  // A requester is not a reviewer: the review queue does not exist for them.
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

test("people listed in ADMIN_EMAILS become admins when they sign in, and the change is recorded", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email address").fill(E2E.adminEmail);
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
  await page.goto(firstLink(await waitForMail(E2E.adminEmail, /sign-in link/)));

  await expect(page).toHaveURL(/\/admin\/users$/);
  const history = page.getByRole("table", { name: "Recent role changes" });
  await expect(history.getByRole("row").filter({ hasText: E2E.adminEmail })).toContainText("Automatic (ADMIN_EMAILS)");
  await expect(history.getByRole("row").filter({ hasText: E2E.adminEmail })).toContainText("Requester → Admin");
});

test("a wrong email address is explained, linked from the error summary, and kept", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email address").fill("not-an-address");
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();

  const summary = page.getByRole("alert", { name: "There is a problem" });
  await expect(summary).toContainText("There is a problem");
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(/^Error: /);
  await expect(page.getByLabel("Email address")).toHaveValue("not-an-address");
  await summary.getByRole("link", { name: /right format/ }).click();
  await expect(page.getByLabel("Email address")).toBeFocused();
});
