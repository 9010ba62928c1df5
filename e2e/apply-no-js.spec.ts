import { ANSWERS, completeSection } from "./support/apply";
import { uniqueEmail } from "./support/database";
import { expect, test } from "./support/fixtures";
import { firstLink, waitForMail } from "./support/mailbox";

test.use({ javaScriptEnabled: false });

test("without JavaScript, a requester signs in by email, answers every section, checks and submits", async ({ page }) => {
  const email = uniqueEmail("nojs");
  await page.goto("/");
  await page.getByRole("link", { name: "Start a request" }).click();
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Frequests%2Fnew/);
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await page.goto(firstLink(await waitForMail(email, /sign-in link/)));
  await expect(page.getByRole("heading", { name: "Before you start" })).toBeVisible();

  await page.getByRole("button", { name: "Start a new request" }).click();
  await expect(page.getByRole("heading", { name: "Your request for exceptional access" })).toBeVisible();

  // An error round trip works too: the server answers with the summary and keeps the answers.
  await page.getByRole("link", { name: "Who", exact: true }).click();
  await page.getByLabel("Contact person's full name").fill("Grace Hopper");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("Select who is applying");
  await expect(page).toHaveTitle(/^Error: /);
  await expect(page.getByLabel("Contact person's full name")).toHaveValue("Grace Hopper");
  await page.getByRole("link", { name: "Back" }).click();

  for (const [section, answer] of Object.entries(ANSWERS)) await completeSection(page, section, answer);
  await page.getByRole("link", { name: "Check your answers and submit" }).click();
  await page.getByRole("button", { name: "Submit request" }).click();
  await expect(page.getByRole("heading", { name: "Request submitted" })).toBeVisible();
  await expect(page.locator(".confirmation__reference")).toHaveText(/^EA-\d{4}-\d{4,}$/);
  await waitForMail(email, /We received your request/);
});
