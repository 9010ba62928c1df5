// Answering a reviewer's question makes the answers it reopened final again: they must pass the
// same rules as at submission, or the requester is told which section to correct and nothing moves.
import { randomUUID } from "node:crypto";

import type { Browser } from "@playwright/test";

import { createSession, createUser, testDb } from "./support/database";
import { expect, expectAccessible, test } from "./support/fixtures";
import { createRequestIn } from "./support/requests";
import { baseURL } from "./support/settings";

/** A submitted request waiting for its requester's answer to a question that reopened Who. */
async function awaitingAnswer() {
  const request = await createRequestIn({ status: "AWAITING_REQUESTER" });
  const reviewer = await createUser("WMF_REVIEWER");
  await testDb().query(
    `INSERT INTO "InformationRequest" (id, "requestId", "askedById", question, "replyBy", sections) VALUES ($1, $2, $3, 'Who is your contact?', now() + interval '14 days', '{who}')`,
    [randomUUID(), request.id, reviewer.id],
  );
  return request;
}

async function requesterPage(browser: Browser, userId: string, javaScriptEnabled = true) {
  const context = await browser.newContext({ baseURL, javaScriptEnabled });
  await context.addCookies([{ name: "authjs.session-token", value: await createSession(userId), url: baseURL }]);
  return context.newPage();
}

const statusOf = async (id: string) => (await testDb().query<{ status: string }>(`SELECT status FROM "Request" WHERE id = $1`, [id])).rows[0]!.status;

for (const javaScriptEnabled of [true, false]) {
  test(`a reopened section left broken is named, and the answer waits until it is fixed (${javaScriptEnabled ? "with" : "without"} JavaScript)`, async ({
    browser,
  }) => {
    const request = await awaitingAnswer();
    const page = await requesterPage(browser, request.requester.id, javaScriptEnabled);
    await page.goto(`/requests/${request.id}`);

    // Saved for later with the contact's name removed: allowed while the question is open.
    await page.getByRole("link", { name: "Who", exact: true }).click();
    await page.getByLabel("Contact person's full name").fill("");
    await page.getByRole("button", { name: "Save and come back later" }).click();
    await expect(page.getByText("Who is your contact?")).toBeVisible();

    await page.getByLabel("Your answer").fill("Our new contact person.");
    await page.getByRole("button", { name: "Send your answer" }).click();
    const summary = page.getByRole("alert", { name: "There is a problem" });
    await expect(summary).toContainText("Correct your answers in the Who section before you send your answer");
    await expect(summary.getByRole("link")).toHaveAttribute("href", "#reopened-who");
    await expect(page.locator("#reopened-who-error")).toHaveText("Correct your answers in the Who section before you send your answer");
    await expect(page.getByLabel("Your answer")).toHaveValue("Our new contact person.");
    // axe runs as a script in the page: it checks the same markup in the run with JavaScript.
    if (javaScriptEnabled) await expectAccessible(page);
    expect(await statusOf(request.id)).toBe("AWAITING_REQUESTER");

    await page.locator("#reopened-who").click();
    await page.getByLabel("Contact person's full name").fill("Grace Hopper");
    await page.getByRole("button", { name: "Save and continue" }).click();
    await page.getByLabel("Your answer").fill("Our new contact person.");
    await page.getByRole("button", { name: "Send your answer" }).click();
    await expect(page.getByText("Thank you. Your answer was sent and the request is back in review.")).toBeVisible();
    expect(await statusOf(request.id)).toBe("IN_REVIEW");
    await page.context().close();
  });
}
