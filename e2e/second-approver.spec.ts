import type { Browser } from "@playwright/test";

import { testDb, withReviewPolicy } from "./support/database";
import { fillDate } from "./support/dates";
import { expect, expectAccessible, test } from "./support/fixtures";
import { waitForMail } from "./support/mailbox";
import { createSubmittedRequest } from "./support/requests";
import { declareNoConflict, personPage, take } from "./support/review";

const DAY = 86_400_000;
const day = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

// Grants longer than a year need a second approver while this runs: the one rule no other journey's
// grant meets (their grants run a year at most), and the one the authorisation matrix saves too. The
// journey holds the review policy while it runs, and puts the rules back after.
function resetRules() {
  return testDb().query(
    `UPDATE "ReviewPolicy" SET "approvalAll" = false, "approvalAboveCents" = NULL, "approvalCommercial" = false, "approvalLongerThanYear" = false WHERE id = 1`,
  );
}

test("a grant the policy gives a second approver is proposed, reaches the requester only once a second WMF reviewer confirms it, and never by its proposer", async ({
  browser,
}) => {
  await withReviewPolicy(async () => {
    try {
      await journey(browser);
    } finally {
      await resetRules();
    }
  });
});

async function journey(browser: Browser) {
  // The admin sets the rule; a value limit without its amount is refused first.
  const { page: admin } = await personPage(browser, "ADMIN");
  await admin.goto("/admin/approvals");
  const rules = admin.getByRole("group", { name: "Grants that need a second approver" });
  await rules.getByLabel("Grants above an estimated in-kind value").check();
  await admin.getByRole("button", { name: "Save rules" }).click();
  await expect(admin.getByRole("alert", { name: "There is a problem" })).toContainText("Enter the value limit, or untick its rule");
  await expectAccessible(admin);
  await rules.getByLabel("Grants above an estimated in-kind value").uncheck();
  await rules.getByLabel("Grants longer than 12 months").check();
  await admin.getByRole("button", { name: "Save rules" }).click();
  await expect(admin.getByText("Rules saved.")).toBeVisible();

  // A WMF reviewer decides on an 18-month grant: the check step says it is only proposed.
  const submitted = await createSubmittedRequest();
  const { page: proposer, user: proposerUser } = await personPage(browser, "WMF_REVIEWER");
  await take(proposer, submitted.id);
  await proposer.getByRole("link", { name: "Grant or decline" }).click();
  const form = proposer.getByRole("form", { name: "Grant or decline?" });
  await form.getByLabel("Grant access", { exact: true }).check();
  await form.getByRole("group", { name: "Snapshot API: how often" }).getByLabel("weekly").check();
  await fillDate(form, "Start date", day(0));
  await fillDate(form, "Expiry date", day(540));
  await form.getByRole("group", { name: "Criteria the grant rests on" }).getByLabel("Need").check();
  await form.getByLabel("Rationale (internal)", { exact: true }).fill("A long research project, needs the full term.");
  await form.getByLabel("Message to the requester").filter({ visible: true }).fill("Your access is ready for the whole project.");
  await form.getByRole("button", { name: "Continue" }).click();
  const check = proposer.getByRole("form", { name: "Check your decision" });
  await expect(check.getByTestId("needs-second-approver")).toContainText("Grants longer than 12 months");
  await check.getByRole("button", { name: "Propose the grant for confirmation" }).click();
  await expect(proposer.getByText("The grant is proposed.", { exact: false })).toBeVisible();

  // Nothing reaches the requester yet, and the proposer is not offered the confirmation.
  const panel = proposer.getByTestId("proposal-panel");
  await expect(panel).toContainText(`Proposed by ${proposerUser.name}`);
  await expect(panel).toContainText("You proposed this grant: a different WMF reviewer or admin must confirm it");
  await expect(panel.getByRole("button", { name: "Confirm the grant and email the requester" })).toHaveCount(0);
  const emails = await testDb().query<{ n: number }>(`SELECT count(*)::int AS n FROM "OutboxEmail" WHERE "requestId" = $1`, [submitted.id]);
  expect(emails.rows[0]!.n, "emails about the request before its confirmation").toBe(0);

  // A second WMF reviewer finds it waiting for them and confirms it.
  const { page: confirmer, user: confirmerUser } = await personPage(browser, "WMF_REVIEWER");
  await confirmer.goto("/review?view=confirm");
  await confirmer.getByRole("link", { name: submitted.reference }).click();
  await declareNoConflict(confirmer);
  await expect(confirmer.getByTestId("proposal-panel")).toContainText("Needs a second approver under the review policy: Grants longer than 12 months.");
  await expectAccessible(confirmer);
  await confirmer.getByRole("button", { name: "Confirm the grant and email the requester" }).click();
  const decision = confirmer.getByRole("region", { name: "Decision" });
  await expect(decision).toContainText(`Proposed by ${proposerUser.name}, confirmed by ${confirmerUser.name}`);

  // Only now is the requester emailed.
  const mail = await waitForMail(submitted.requester.email, new RegExp(`Your request ${submitted.reference} is granted`));
  expect(mail.text).toContain("Your access is ready for the whole project.");
}
