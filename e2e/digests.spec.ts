// The review digest: a reviewer chooses it on their account page, and the worker's next sweep
// sends what needs them, read here from the SMTP server.
import { randomUUID } from "node:crypto";

import { testDb } from "./support/database";
import { expect, expectAccessible, test } from "./support/fixtures";
import { waitForMail } from "./support/mailbox";
import { createRequestIn } from "./support/requests";
import { baseURL } from "./support/settings";

test("a reviewer who asks for a daily digest gets one email naming the answers that came in on a request they hold", async ({ page, signInAs }) => {
  const reviewer = await signInAs("WMF_REVIEWER");
  const held = await createRequestIn({ status: "IN_REVIEW" });
  await testDb().query(`UPDATE "Request" SET "assigneeId" = $2 WHERE id = $1`, [held.id, reviewer.id]);
  await testDb().query(
    `INSERT INTO "InformationRequest" (id, "requestId", "askedById", question, "replyBy", "createdAt", answer, "answeredAt")
     VALUES ($1, $2, $3, 'How many schools use it?', now() + interval '12 days', now() - interval '2 days', 'About forty.', now())`,
    [randomUUID(), held.id, reviewer.id],
  );

  await page.goto("/account");
  const digest = page.getByRole("group", { name: "How often do you want an email of what needs you?" });
  await expect(digest.getByLabel("Never")).toBeChecked();
  await expectAccessible(page);
  await digest.getByLabel("Every day").check();
  await page.getByRole("button", { name: "Save digest choice" }).click();
  await expect(page.getByText("Your digest choice is saved. A digest comes only when something needs you.")).toBeVisible();
  await expect(digest.getByLabel("Every day")).toBeChecked();

  const mail = await waitForMail(reviewer.email, /review digest for/);
  expect(mail.text).toContain("One request you hold has new answers from the requester:");
  expect(mail.text).toContain(`${held.reference} – ${held.organisation}: ${baseURL}/review/${held.id}`);
  expect(mail.text).toContain(`${baseURL}/account`);
});
