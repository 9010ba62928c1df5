import { randomUUID } from "node:crypto";

import { createUser, testDb } from "./support/database";
import { expect, expectAccessible, test } from "./support/fixtures";
import { createSubmittedRequest } from "./support/requests";
import { personPage } from "./support/review";

test("a reviewer who declares a conflict sees none of the request's internal work until an admin lifts it with a reason", async ({ browser }) => {
  const submitted = await createSubmittedRequest();
  const colleague = await createUser("WMF_REVIEWER");
  const internal = `Internal: I know this lab well (${submitted.reference}).`;
  await testDb().query(`INSERT INTO "Comment" (id, "requestId", "authorId", kind, body) VALUES ($1, $2, $3, 'INTERNAL', $4)`, [
    randomUUID(),
    submitted.id,
    colleague.id,
    internal,
  ]);

  const { page: review } = await personPage(browser, "WMF_REVIEWER");
  await review.goto(`/review/${submitted.id}`);
  await expect(review.getByText(internal)).toBeVisible();
  const form = review.getByRole("form", { name: "Do you have a conflict of interest with this request?" });
  await form.getByLabel("Yes, I have a conflict of interest").check();
  await form.getByRole("button", { name: "Save declaration" }).click();
  await expect(review.getByRole("alert", { name: "There is a problem" })).toContainText("Give a short reason for the conflict");
  await expectAccessible(review);
  const reason = `I supervised the thesis of the applicant of ${submitted.reference}.`;
  await form.getByLabel("Reason for the conflict").fill(reason);
  await form.getByRole("button", { name: "Save declaration" }).click();

  await expect(review.getByText("You take no part in this request")).toBeVisible();
  await expect(review.getByText(internal)).toBeHidden();
  await expect(review.getByText("Internal comments are hidden from you")).toBeVisible();
  await expect(review.getByRole("button", { name: "Save assessment" })).toHaveCount(0);
  await expect(review.getByRole("button", { name: "Take this request" })).toHaveCount(0);
  await expect(review.getByRole("link", { name: "Grant or decline" })).toHaveCount(0);
  await review.goto(`/review/${submitted.id}/decide`);
  await expect(review).toHaveURL(new RegExp(`/review/${submitted.id}$`));
  await review.goto(`/review?view=new&q=${submitted.reference}`);
  await expect(review.getByRole("row").filter({ hasText: submitted.reference })).toContainText("Your conflict of interest");

  const { page: admin } = await personPage(browser, "ADMIN");
  await admin.goto("/admin/conflicts");
  const lift = admin.getByRole("form", { name: new RegExp(`^Lift the conflict of .* on ${submitted.reference}$`) });
  await expect(admin.getByRole("row").filter({ has: lift })).toContainText(reason);
  await lift.getByRole("button", { name: "Lift the conflict" }).click();
  await expect(admin.getByRole("alert", { name: "There is a problem" })).toContainText("Give a reason for lifting the conflict");
  await expectAccessible(admin);
  await lift.getByLabel("Reason for lifting").fill("Supervision ended ten years ago; agreed with the programme lead.");
  await lift.getByRole("button", { name: "Lift the conflict" }).click();
  await expect(admin.getByText("The conflict is lifted")).toBeVisible();
  await expect(admin.getByRole("row").filter({ hasText: reason })).toContainText("Supervision ended ten years ago");

  await review.goto(`/review/${submitted.id}`);
  await expect(review.getByText(internal)).toBeVisible();
  await expect(review.getByText("Your conflict of interest was lifted")).toBeVisible();
});
