import { ANSWERS, completeDraft } from "./support/apply";
import { expect, expectAccessible, test } from "./support/fixtures";

test("every page of the application form, and each error state, has no accessibility violations", async ({ page, signInAs }) => {
  test.setTimeout(90_000);
  await signInAs("REQUESTER");
  await page.goto("/requests");
  await expectAccessible(page);
  await page.goto("/requests/new");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Start a new request" }).click();
  await expect(page.getByRole("heading", { name: "Your request for exceptional access" })).toBeVisible();
  await expectAccessible(page);
  const taskList = page.url();

  for (const section of Object.keys(ANSWERS)) {
    await page.goto(taskList);
    await page.getByRole("link", { name: section, exact: true }).click();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Save and continue" }).click();
    await expect(page.getByRole("alert", { name: "There is a problem" })).toBeVisible();
    await expectAccessible(page);
  }
  await page.goto(`${taskList}/delete`);
  await expectAccessible(page);
});

test("checking, submitting, following and cancelling a request have no accessibility violations", async ({ page, signInAs }) => {
  test.setTimeout(60_000);
  await signInAs("REQUESTER");
  await completeDraft(page);
  await page.getByRole("link", { name: "Check your answers and submit" }).click();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Submit request" }).click();
  await expect(page.getByRole("heading", { name: "Request submitted" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "View your request" }).click();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Cancel this request" }).click();
  await expectAccessible(page);
});
