// Response-time targets: an admin changes them (a wrong value explained first), and reviewers see
// each request's wait against them: marked in the queue, listed first on the dashboard, and under
// the reviewer who holds it in the workload table.
import { expect, expectAccessible, test } from "./support/fixtures";
import { createUser, testDb, withReviewPolicy } from "./support/database";
import { createRequestIn } from "./support/requests";
import { personPage } from "./support/review";

const DAY = 86_400_000;

test("an admin tightens the targets, and a request past them is marked in the queue, first on the dashboard and in its holder's workload", async ({
  browser,
  page,
  signInAs,
}) => {
  // The targets are one setting for the whole app: this holds the review policy while it runs, and puts them back.
  await withReviewPolicy(async () => {
    const holder = await createUser("WMF_REVIEWER", `holder-${Date.now().toString(36)}`);
    // Waiting for reviewers a day longer than any open request already there: past every target, the longest wait of all.
    const { rows } = await testDb().query<{ at: Date | null }>(
      `SELECT min("submittedAt") AS at FROM "Request" WHERE status IN ('SUBMITTED', 'IN_REVIEW', 'AWAITING_REQUESTER')`,
    );
    const oldestDays = Math.max(8000, Math.ceil((Date.now() - (rows[0]?.at?.getTime() ?? Date.now())) / DAY) + 1);
    const oldest = await createRequestIn({ status: "IN_REVIEW", submittedAt: new Date(Date.now() - oldestDays * DAY - 3_600_000) });
    // 50 days in review: within the default 60-day decision target, past a 45-day one.
    const recent = await createRequestIn({ status: "IN_REVIEW", submittedAt: new Date(Date.now() - 50 * DAY - 3_600_000) });
    await testDb().query(`UPDATE "Request" SET "assigneeId" = $1, "firstActionAt" = "submittedAt" + interval '1 day' WHERE id = ANY($2)`, [
      holder.id,
      [oldest.id, recent.id],
    ]);

    try {
      await signInAs("ADMIN");
      await page.goto("/admin/targets");
      await expect(page.getByRole("heading", { level: 1, name: "Response-time targets" })).toBeVisible();
      await page.getByLabel("Days to a first reviewer action").fill("0");
      await page.getByLabel("Days to a decision").fill("45");
      await page.getByRole("button", { name: "Save targets" }).click();
      const summary = page.getByRole("alert", { name: "There is a problem" });
      await expect(summary).toContainText("Enter the days to a first reviewer action as a whole number from 1 to 365");
      await expect(page.getByLabel("Days to a decision")).toHaveValue("45");
      await expectAccessible(page);
      await page.getByLabel("Days to a first reviewer action").fill("3");
      await page.getByRole("button", { name: "Save targets" }).click();
      await expect(page.getByText("Targets saved.")).toBeVisible();
      await expect(page.getByTestId("targets-changed")).toContainText("The targets were last changed");

      const { page: review } = await personPage(browser, "WMF_REVIEWER");
      await review.goto(`/review?view=in_review&q=${recent.reference}`);
      const row = review.getByRole("row").filter({ hasText: recent.reference });
      await expect(row).toContainText("Waited 50 days for reviewers");
      await expect(row.getByText("Past decision target")).toBeVisible();

      await review.goto("/review/dashboard");
      // The first list on the dashboard, the longest wait past the decision target first.
      await expect(review.getByRole("heading", { level: 2 }).first()).toHaveText("Past a response-time target");
      const past = review.getByRole("table", { name: "Past a response-time target" });
      await expect(review.getByText("or that have waited for reviewers longer than 45 days")).toBeVisible();
      const first = past.getByTestId("past-target-row").first();
      await expect(first).toContainText(oldest.reference);
      await expect(first).toContainText(`${oldestDays} days`);
      await expect(first).toContainText("Past decision target");
      await expect(past.getByTestId("past-target-row").filter({ hasText: recent.reference })).toContainText("50 days");

      const workload = review.getByRole("table", { name: "Workload" }).getByTestId("workload-row").filter({ hasText: holder.name });
      await expect(workload.getByRole("rowheader")).toHaveText(holder.name);
      const inReview = workload.getByRole("cell").nth(1);
      await expect(inReview.getByRole("listitem")).toHaveText([
        `${oldest.reference} (${oldestDays} days) Past decision target`,
        `${recent.reference} (50 days) Past decision target`,
      ]);
      await expectAccessible(review);
    } finally {
      await testDb().query(`UPDATE "ReviewPolicy" SET "firstActionDays" = 10, "decisionDays" = 60 WHERE id = 1`);
    }
  });
});
