// A contact address other than the sign-in address gets mail only once someone followed the link
// sent to it: until then the requester's pages say where mail goes, and it goes to the sign-in
// address. Real SMTP: every email here is read from the test mailbox.
import { createHash, randomBytes, randomUUID } from "node:crypto";

import type { Page } from "@playwright/test";

import { completeAnswers } from "../test-support/answers";
import { insertRequestRow } from "../test-support/request-rows";

import { createSession, createUser, testDb } from "./support/database";
import { expect, expectAccessible, test } from "./support/fixtures";
import { firstLink, waitForMail } from "./support/mailbox";
import { callActionDirectly } from "./support/requests";
import { baseURL } from "./support/settings";

const contactAddress = () => `office.${randomBytes(4).toString("hex")}@example.org`;

/** A complete draft of a new requester's, who is signed in on `page`; its Who section gives the sign-in address. */
async function signedInWithDraft(page: Page) {
  const requester = await createUser("REQUESTER");
  const answers = completeAnswers(new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10));
  answers.who.email = requester.email;
  const id = `test_${randomUUID()}`;
  await insertRequestRow(testDb(), { id, reference: null, requesterId: requester.id, status: "DRAFT", answers, submittedAt: null });
  await page.context().addCookies([{ name: "authjs.session-token", value: await createSession(requester.id), url: baseURL }]);
  await page.goto(`/requests/${id}`);
  return { requester, id };
}

async function changeContactEmail(page: Page, email: string) {
  await page.getByRole("link", { name: "Who", exact: true }).click();
  await page.getByLabel("Contact email address").fill(email);
  await page.getByRole("button", { name: "Save and continue" }).click();
}

test("mail goes to the sign-in address until the contact address is confirmed, then to the contact address", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const { requester } = await signedInWithDraft(page);
  const contact = contactAddress();

  // A list of addresses is refused, with its own message, and kept as typed.
  await changeContactEmail(page, `${contact}, someone.else@example.org`);
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("Enter one email address only");
  await expect(page.getByLabel("Contact email address")).toHaveValue(`${contact}, someone.else@example.org`);
  await expectAccessible(page);

  await page.getByLabel("Contact email address").fill(contact);
  await page.getByRole("button", { name: "Save and continue" }).click();
  const notice = page.locator("#contact-notice");
  await expect(notice).toContainText(`We sent a link to ${contact}`);
  await expect(notice).toContainText(`we write to you about your requests at ${requester.email}`);
  await expectAccessible(page);

  await page.getByRole("link", { name: "Check your answers and submit" }).click();
  await expect(page.locator("#contact-notice")).toContainText(contact);
  await page.getByRole("button", { name: "Submit request" }).click();
  const reference = (await page.locator(".confirmation__reference").textContent())!.trim();
  const requestId = new URL(page.url()).pathname.split("/")[2]!;

  // The confirmation of the submission goes to the proven address; the link to the contact.
  await waitForMail(requester.email, new RegExp(`We received your request ${reference}`));
  const linkMail = await waitForMail(contact, /Confirm your contact address/);
  expect(linkMail.text).toContain(requester.name);

  // Whoever reads that mailbox follows the link, signed in or not; opening it alone confirms nothing.
  const stranger = await browser.newContext({ baseURL });
  const confirmPage = await stranger.newPage();
  await confirmPage.goto(firstLink(linkMail));
  await expect(confirmPage.getByRole("heading", { level: 1, name: "Confirm a contact address" })).toBeVisible();
  await expect(confirmPage.getByText(`${requester.name} gave ${contact} as the contact address`)).toBeVisible();
  await expectAccessible(confirmPage);
  expect((await testDb().query(`SELECT "confirmedAt" FROM "ContactAddress" WHERE email = $1`, [contact])).rows[0].confirmedAt).toBeNull();
  await confirmPage.getByRole("button", { name: "Confirm this address" }).click();
  await expect(confirmPage.getByRole("status")).toContainText("The address is confirmed");
  await expectAccessible(confirmPage);

  // The link works once.
  await confirmPage.goto(firstLink(linkMail));
  await expect(confirmPage.getByText("This link does not work any more.")).toBeVisible();
  await stranger.close();

  await page.goto(`/requests/${requestId}`);
  await expect(page.locator("#contact-notice")).toHaveCount(0);

  // A reviewer's message now reaches the contact address.
  const reviewer = await createUser("WMF_REVIEWER");
  const reviewerContext = await browser.newContext({ baseURL });
  await reviewerContext.addCookies([{ name: "authjs.session-token", value: await createSession(reviewer.id), url: baseURL }]);
  const response = await callActionDirectly(reviewerContext.request, `/review/${requestId}`, "addCommentAction", {
    requestId,
    kind: "MESSAGE",
    body: "Which editions first?",
  });
  expect(response.status()).toBeLessThan(400);
  const message = await waitForMail(contact, new RegExp(`A message about your request ${reference}`));
  expect(message.text).toContain("Which editions first?");
  await reviewerContext.close();
});

test("a requester asks for the link again: the newest one works, earlier ones do not", async ({ page, browser }) => {
  await signedInWithDraft(page);
  const contact = contactAddress();
  await changeContactEmail(page, contact);
  const first = firstLink(await waitForMail(contact, /Confirm your contact address/));

  await page.getByRole("button", { name: "Send the link again" }).click();
  await expect(page.getByRole("status").filter({ hasText: `We sent a new link to ${contact}` })).toBeVisible();
  await expect.poll(async () => firstLink(await waitForMail(contact, /Confirm your contact address/))).not.toBe(first);
  const newest = firstLink(await waitForMail(contact, /Confirm your contact address/));

  const strangerContext = await browser.newContext({ baseURL });
  const stranger = await strangerContext.newPage();
  await stranger.goto(first);
  await expect(stranger.getByText("This link does not work any more.")).toBeVisible();
  await expectAccessible(stranger);
  await stranger.goto(newest);
  await stranger.getByRole("button", { name: "Confirm this address" }).click();
  await expect(stranger.getByRole("status")).toContainText("The address is confirmed");
  await strangerContext.close();
});

test("a made-up confirmation link, or one posted straight to the action, confirms nothing", async ({ page, request }) => {
  // An address of this test's own waits for its real link; other journeys confirm theirs meanwhile.
  const owner = await createUser("REQUESTER", "pending");
  const pending = randomUUID();
  const realToken = randomBytes(24).toString("base64url");
  await testDb().query(
    `INSERT INTO "ContactAddress" (id, "userId", email, "tokenHash", "sentAt", "expiresAt") VALUES ($1, $2, $3, $4, now(), now() + interval '3 days')`,
    [pending, owner.id, `contact.${owner.email}`, createHash("sha256").update(realToken).digest("hex")],
  );
  await page.goto("/contact/confirm?token=made-up");
  await expect(page.getByText("This link does not work any more.")).toBeVisible();
  await expectAccessible(page);
  for (const token of ["made-up", realToken.slice(0, -1), `${realToken}x`]) {
    const response = await callActionDirectly(request, `/contact/confirm?token=${token}`, "confirmContactAction", { token });
    expect(response.status()).toBeLessThan(500);
  }
  const row = await testDb().query(`SELECT "confirmedAt" FROM "ContactAddress" WHERE id = $1`, [pending]);
  expect(row.rows[0].confirmedAt).toBeNull();
});
