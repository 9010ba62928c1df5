import { readFileSync } from "node:fs";

import { createUser } from "./support/database";
import { expect, expectAccessible, test } from "./support/fixtures";

const PUBLIC_PAGES = [
  "/",
  "/signin",
  "/signin/check-email",
  "/signin/error?error=Verification",
  "/dev/mailbox",
  "/no-such-page",
  "/register",
  "/register?status=ended",
  "/figures",
  // The date-range form's error state.
  "/figures?from=2011-02-30&to=2011-01-01",
];

/**
 * Each language, asked for by the browser; messages come from its file, so the checks read as its
 * pages do. A requester-side language (Arabic) is checked on the pages requesters and visitors see.
 */
const LANGUAGES = [
  { code: "en", acceptLanguage: "en-GB", staffPages: true },
  { code: "de", acceptLanguage: "de-DE", staffPages: true },
  { code: "ar", acceptLanguage: "ar", staffPages: false },
].map((language) => ({ ...language, m: JSON.parse(readFileSync(`i18n/${language.code}.json`, "utf8")) as Record<string, string> }));

for (const { code, acceptLanguage, staffPages, m } of LANGUAGES) {
  test.describe(`in ${code}`, () => {
    test.use({ locale: acceptLanguage });

    for (const path of PUBLIC_PAGES) {
      test(`${path} has no accessibility violations`, async ({ page }) => {
        await page.goto(path);
        await expect(page.locator("html")).toHaveAttribute("lang", code);
        await expectAccessible(page);
      });
    }

    test("the sign-in error state has no accessibility violations", async ({ page }) => {
      await page.goto("/signin");
      await page.getByRole("button", { name: m["signin-email-submit"] }).click();
      await expect(page.getByRole("alert", { name: m["error-summary-title"] })).toContainText(m["error-email-required"]!);
      await expectAccessible(page);
    });

    test("the requester's pages have no accessibility violations", async ({ page, signInAs }) => {
      await signInAs("REQUESTER");
      await page.goto("/requests");
      await expectAccessible(page);
      await page.goto("/account");
      await expectAccessible(page);
    });

    // Reviewer and admin pages are not offered in a requester-side language.
    if (!staffPages) return;

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
      await row.getByRole("button", { name: m["admin-users-save"] }).click();
      await expect(row.getByRole("status")).toHaveText(m["admin-users-unchanged"]!);
      await expectAccessible(page);
      // The response-time targets, and a wrong number of days explained.
      await page.goto("/admin/targets");
      await page.getByLabel(m["admin-targets-decision-label"]!).fill("0");
      await page.getByRole("button", { name: m["admin-targets-save"] }).click();
      await expect(page.getByRole("alert", { name: m["error-summary-title"] })).toContainText(m["error-targets-decision"]!);
      await expectAccessible(page);
    });
  });
}
