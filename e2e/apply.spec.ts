import { ANSWERS, completeDraft, completeSection } from "./support/apply";
import { createSession, testDb } from "./support/database";
import { expect, test } from "./support/fixtures";
import { waitForMail } from "./support/mailbox";
import { baseURL } from "./support/settings";

const REFERENCE = /^EA-\d{4}-\d{4,}$/;

test("a requester completes the six sections, checks the answers, submits, and gets a reference by email", async ({ page, signInAs }) => {
  const requester = await signInAs("REQUESTER");
  await completeDraft(page);

  await page.getByRole("link", { name: "Check your answers and submit" }).click();
  await expect(page.getByRole("heading", { name: "Check your answers before submitting" })).toBeVisible();
  await expect(page.getByText("Open Maps Lab")).toBeVisible();
  await expect(page.getByText("Switzerland")).toBeVisible();

  // A change returns to the check page with the new answer.
  await page.getByRole("link", { name: "Change Organisation", exact: true }).click();
  await expect(page).toHaveURL(/\/who\?from=check#organisation$/);
  await page.getByLabel("Organisation", { exact: true }).fill("Open Maps Foundation");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByRole("heading", { name: "Check your answers before submitting" })).toBeVisible();
  await expect(page.getByText("Open Maps Foundation")).toBeVisible();

  await page.getByRole("button", { name: "Submit request" }).click();
  await expect(page.getByRole("heading", { name: "Request submitted" })).toBeVisible();
  const reference = (await page.locator(".confirmation__reference").textContent())!.trim();
  expect(reference).toMatch(REFERENCE);

  const mail = await waitForMail(requester.email, new RegExp(reference));
  expect(mail.text).toContain(reference);
  const link = mail.text.match(/https?:\/\/\S+\/requests\/\S+/)?.[0];
  expect(link?.startsWith(baseURL)).toBe(true);
  await page.goto(link!);
  await expect(page.getByRole("heading", { name: `Request ${reference}` })).toBeVisible();
  await expect(page.getByText("Submitted", { exact: true })).toBeVisible();
  await expect(page.getByText(`You submitted the request. Reference: ${reference}.`)).toBeVisible();

  await page.getByRole("link", { name: "Your requests" }).click();
  const row = page.getByRole("row").filter({ hasText: reference });
  await expect(row).toContainText("Submitted");
  await expect(row).toContainText("Open Maps Foundation");
});

test("a draft survives signing out: the requester resumes where they were, typed answers and all", async ({ page, context, signInAs }) => {
  const requester = await signInAs("REQUESTER");
  await page.goto("/requests/new");
  await page.getByRole("button", { name: "Start a new request" }).click();
  const task = (name: string) => page.locator(".task-list__item").filter({ has: page.getByRole("link", { name, exact: true }) });
  // Who already holds the account's address, which is not an answer of the person's.
  for (const section of ["Who", "What", "Need", "Obligation", "Mission alignment", "Values alignment"])
    await expect(task(section)).toContainText("Not started");
  await completeSection(page, "Who", ANSWERS.Who!);
  await page.getByRole("link", { name: "What", exact: true }).click();
  await page.getByLabel("What will you use the access for?").fill("Half-written purpose");
  await page.getByRole("button", { name: "Save and come back later" }).click();
  await expect(page.getByRole("heading", { name: "Your request for exceptional access" })).toBeVisible();
  const draftUrl = page.url();

  await page.getByRole("navigation", { name: "Main" }).getByText("Account", { exact: true }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto(draftUrl);
  await expect(page).toHaveURL(/\/signin/);

  await context.addCookies([{ name: "authjs.session-token", value: await createSession(requester.id), url: baseURL }]);
  await page.goto("/requests");
  await page.getByRole("link", { name: "Draft (not sent yet)" }).click();
  await expect(task("Who")).toContainText("Completed");
  await expect(task("What")).toContainText("In progress");
  await expect(task("Need")).toContainText("Not started");
  await page.getByRole("link", { name: "What", exact: true }).click();
  await expect(page.getByLabel("What will you use the access for?")).toHaveValue("Half-written purpose");
});

test("a submitted request can be cancelled after confirming, and the cancellation is recorded", async ({ page, signInAs }) => {
  await signInAs("REQUESTER");
  await completeDraft(page);
  await page.getByRole("link", { name: "Check your answers and submit" }).click();
  await page.getByRole("button", { name: "Submit request" }).click();
  await page.getByRole("link", { name: "View your request" }).click();

  await page.getByRole("link", { name: "Cancel this request" }).click();
  await expect(page.getByRole("heading", { name: "Cancel your request?" })).toBeVisible();
  await page.getByRole("link", { name: "No, keep the request" }).click();
  await expect(page.getByText("Submitted", { exact: true })).toBeVisible();

  await page.getByRole("link", { name: "Cancel this request" }).click();
  await page.getByRole("button", { name: "Yes, cancel the request" }).click();
  await expect(page.getByRole("status")).toContainText("You cancelled this request");
  await expect(page.getByText("Cancelled", { exact: true })).toBeVisible();
  await expect(page.getByText("The request was cancelled.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Cancel this request" })).toHaveCount(0);
});

test("a draft can be deleted after confirming", async ({ page, signInAs }) => {
  await signInAs("REQUESTER");
  await page.goto("/requests/new");
  await page.getByRole("button", { name: "Start a new request" }).click();
  await page.getByRole("link", { name: "Delete this draft" }).click();
  await page.getByRole("button", { name: "Yes, delete the draft" }).click();
  await expect(page.getByRole("status")).toHaveText("The draft was deleted.");
  await expect(page.getByText("You have no requests yet.")).toBeVisible();
});

test("the server refuses to submit a request with an incomplete section, and says which", async ({ page, signInAs }) => {
  await signInAs("REQUESTER");
  await completeDraft(page);
  await page.getByRole("link", { name: "Check your answers and submit" }).click();
  await expect(page.getByRole("heading", { name: "Check your answers before submitting" })).toBeVisible();
  // A section is emptied behind the page's back, as a second tab or a forged call could do.
  const id = page.url().split("/").at(-2)!;
  const emptied = await testDb().query(`UPDATE "Request" SET answers = answers - 'need' WHERE id = $1`, [id]);
  expect(emptied.rowCount).toBe(1);
  await page.getByRole("button", { name: "Submit request" }).click();
  const summary = page.getByRole("alert", { name: "There is a problem" });
  await expect(summary.getByRole("link")).toHaveText(["Complete the Need section"]);
  const { rows } = await testDb().query(`SELECT status, reference FROM "Request" WHERE id = $1`, [id]);
  expect(rows[0]).toEqual({ status: "DRAFT", reference: null });
});

test("another requester's request does not exist for them, through pages or a forged action", async ({ page, browser, signInAs }) => {
  await signInAs("REQUESTER");
  await page.goto("/requests/new");
  await page.getByRole("button", { name: "Start a new request" }).click();
  await completeSection(page, "Who", ANSWERS.Who!);
  const victimId = page.url().split("/").at(-1)!;

  const other = await browser.newContext();
  const intruder = await other.newPage();
  const { createUser } = await import("./support/database");
  const mallory = await createUser("REQUESTER", "mallory");
  await other.addCookies([{ name: "authjs.session-token", value: await createSession(mallory.id), url: baseURL }]);
  for (const path of ["", "/who", "/check", "/cancel", "/delete", "/submitted"]) {
    const response = await intruder.goto(`/requests/${victimId}${path}`);
    expect(response?.status(), path).toBe(404);
  }

  // Mallory posts her own form with the victim's id swapped in.
  await intruder.goto("/requests/new");
  await intruder.getByRole("button", { name: "Start a new request" }).click();
  await intruder.getByRole("link", { name: "Delete this draft" }).click();
  await intruder.locator('input[name="requestId"]').evaluate((input, id) => ((input as HTMLInputElement).value = id), victimId);
  await intruder.getByRole("button", { name: "Yes, delete the draft" }).click();
  await expect(intruder.getByRole("heading", { name: "Page not found" })).toBeVisible();
  const { rows } = await testDb().query(`SELECT status FROM "Request" WHERE id = $1`, [victimId]);
  expect(rows).toEqual([{ status: "DRAFT" }]);
  await other.close();
});
