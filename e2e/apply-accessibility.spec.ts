import type { Page } from "@playwright/test";

import { ANSWERS, completeDraft } from "./support/apply";
import { expect, expectAccessible, test } from "./support/fixtures";

/** Starts a new, empty draft through the app and returns its task list's address. */
async function newDraft(page: Page) {
  await page.goto("/requests/new");
  await page.getByRole("button", { name: "Start a new request" }).click();
  await expect(page.getByRole("heading", { name: "Your request for exceptional access" })).toBeVisible();
  return page.url();
}

test("the requests list, a new request, its task list and the delete page have no accessibility violations", async ({ page, signInAs }) => {
  await signInAs("REQUESTER");
  await page.goto("/requests");
  await expectAccessible(page);
  await page.goto("/requests/new");
  await expectAccessible(page);
  const taskList = await newDraft(page);
  await expectAccessible(page);
  await page.goto(`${taskList}/delete`);
  await expectAccessible(page);
});

for (const section of Object.keys(ANSWERS)) {
  test(`the ${section} section, and its error state, have no accessibility violations`, async ({ page, signInAs }) => {
    await signInAs("REQUESTER");
    await newDraft(page);
    await page.getByRole("link", { name: section, exact: true }).click();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Save and continue" }).click();
    await expect(page.getByRole("alert", { name: "There is a problem" })).toBeVisible();
    await expectAccessible(page);
  });
}

test("checking, submitting, following and cancelling a request have no accessibility violations", async ({ page, signInAs }) => {
  test.setTimeout(90_000);
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
