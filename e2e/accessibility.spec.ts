import { createUser } from "./support/database";
import { expect, expectAccessible, test } from "./support/fixtures";

const PUBLIC_PAGES = ["/", "/signin", "/signin/check-email", "/signin/error?error=Verification", "/dev/mailbox", "/no-such-page"];

for (const path of PUBLIC_PAGES) {
  test(`${path} has no accessibility violations`, async ({ page }) => {
    await page.goto(path);
    await expectAccessible(page);
  });
}

test("the sign-in error state has no accessibility violations", async ({ page }) => {
  await page.goto("/signin");
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("Enter your email address");
  await expectAccessible(page);
});

test("the requester's pages have no accessibility violations", async ({ page, signInAs }) => {
  await signInAs("REQUESTER");
  await page.goto("/requests");
  await expectAccessible(page);
});

test("the review queue has no accessibility violations", async ({ page, signInAs }) => {
  await signInAs("WMDE_REVIEWER");
  await page.goto("/review");
  await expectAccessible(page);
});

test("the admin page, and its messages, have no accessibility violations", async ({ page, signInAs }) => {
  await signInAs("ADMIN");
  const person = await createUser("REQUESTER");
  await page.goto(`/admin/users?q=${encodeURIComponent(person.email)}`);
  await expectAccessible(page);
  const row = page.getByRole("row").filter({ hasText: person.email });
  await row.getByRole("button", { name: /Change role/ }).click();
  await expect(row.getByRole("status")).toHaveText("That is already their role.");
  await expectAccessible(page);
});
