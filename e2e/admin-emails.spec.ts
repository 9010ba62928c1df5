import { randomUUID } from "node:crypto";

import { testDb } from "./support/database";
import { expect, expectAccessible, test } from "./support/fixtures";
import { waitForMail } from "./support/mailbox";

test("an admin sees an email that failed after every retry and sends it again", async ({ page, signInAs }) => {
  const key = `e2e-failed-${randomUUID()}`;
  const to = `failed-${randomUUID().slice(0, 8)}@example.org`;
  await testDb().query(
    `INSERT INTO "OutboxEmail" (id, "idempotencyKey", "to", subject, text, html, status, attempts, "lastError", kind, "dispatchedAt", "createdAt", "nextAttemptAt")
     VALUES ($1, $2, $3, 'Your request EA-2026-9999 is granted', 'Granted. http://localhost/requests/x', '<p>Granted.</p>', 'FAILED', 8, 'connect ECONNREFUSED 127.0.0.1:25', 'granted', now(), now(), now())`,
    [`test_${randomUUID()}`, key, to],
  );

  await signInAs("ADMIN");
  await page.goto("/admin/emails");
  const failed = page.getByRole("table", { name: "Emails that could not be sent after every retry, newest first" });
  const row = failed.getByRole("row").filter({ hasText: to });
  await expect(row).toContainText("connect ECONNREFUSED");
  await expect(row).toContainText("granted");
  await expectAccessible(page);

  await row.getByRole("button", { name: /Send again/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "The email is back in the outbox." })).toBeVisible();
  await expect(failed.getByRole("row").filter({ hasText: to })).toHaveCount(0);
  const mail = await waitForMail(to, /EA-2026-9999 is granted/);
  expect(mail.text).toContain("Granted.");
});

test("the undelivered emails page does not exist for reviewers", async ({ page, signInAs }) => {
  await signInAs("WMF_REVIEWER");
  expect((await page.goto("/admin/emails"))?.status()).toBe(404);
});
