// The pages of accountable review in the other languages: the requester's appeal form with an error
// in German and Arabic, and the reviewer's proposal, conflict and appeal panels and the admin pages
// in German, each checked with axe (long German words and right-to-left text are where they break).
import { randomUUID } from "node:crypto";

import type { Browser } from "@playwright/test";

import { createSession, createUser, recordNoConflict, testDb } from "./support/database";
import { expect, expectAccessible, test } from "./support/fixtures";
import { createRequestIn } from "./support/requests";
import { baseURL } from "./support/settings";

const DAY = 86_400_000;
const day = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

/** A browser signed in as the user (a new one with `role` when none is given), whose language is `locale`. */
async function signedIn(browser: Browser, locale: "de" | "ar", user: { id: string } | "WMF_REVIEWER" | "ADMIN") {
  const id = typeof user === "string" ? (await createUser(user, locale)).id : user.id;
  await testDb().query(`UPDATE "User" SET locale = $2 WHERE id = $1`, [id, locale]);
  const context = await browser.newContext({ baseURL });
  await context.addCookies([{ name: "authjs.session-token", value: await createSession(id), url: baseURL }]);
  return { page: await context.newPage(), id };
}

for (const locale of ["de", "ar"] as const) {
  test(`a requester appeals in ${locale === "de" ? "German" : "Arabic"}: the form, its error and the added section pass axe`, async ({ browser }) => {
    const declined = await createRequestIn({ status: "DECLINED", decision: { outcome: "DECLINED", decidedAt: new Date(Date.now() - 3 * DAY) } });
    const { page } = await signedIn(browser, locale, declined.requester);
    await page.goto(`/requests/${declined.id}/appeal`);
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await page.locator("details.disclosure summary").nth(2).click();
    await page.locator("textarea[name=addition-need]").fill("Ein Schulträger unterstützt das Projekt jetzt.");
    await page.locator("main button[type=submit]").click();
    await expect(page.locator(".error-summary")).toBeVisible();
    await expect(page.locator("textarea[name=addition-need]")).toHaveValue("Ein Schulträger unterstützt das Projekt jetzt.");
    await expectAccessible(page);
    await page.locator("textarea[name=statement]").fill("Unser nächtliches Volumen übersteigt das kostenlose Konto.");
    await page.locator("main button[type=submit]").click();
    await expect(page.getByTestId("added-on-appeal-need")).toContainText("Ein Schulträger unterstützt das Projekt jetzt.");
    await expectAccessible(page);
  });
}

test("the proposal, conflict and appeal panels and the admin pages of accountable review pass axe in German", async ({ browser }) => {
  // A grant proposed by one reviewer, open to a second.
  const proposed = await createRequestIn({ status: "IN_REVIEW" });
  const proposer = await createUser("WMF_REVIEWER", "proposer");
  await testDb().query(`UPDATE "Request" SET "assigneeId" = $2 WHERE id = $1`, [proposed.id, proposer.id]);
  const grant = { apis: ["realtime"], startsOn: day(0), expiresOn: day(540), criteria: ["who"], rationale: "Ein langes Projekt.", message: "Willkommen." };
  await testDb().query(`INSERT INTO "GrantProposal" (id, "requestId", "proposedById", "grant", reasons) VALUES ($1, $2, $3, $4, '{longer_than_year}')`, [
    randomUUID(),
    proposed.id,
    proposer.id,
    JSON.stringify(grant),
  ]);
  const { page: review, id: reviewerId } = await signedIn(browser, "de", "WMF_REVIEWER");
  await recordNoConflict(proposed.id, reviewerId);
  await review.goto(`/review/${proposed.id}`);
  await expect(review.getByTestId("proposal-panel")).toContainText("Vorgeschlagen von");
  await expectAccessible(review);

  // The declaration asked for, then a conflict declared.
  const other = await createRequestIn({ status: "SUBMITTED" });
  await review.goto(`/review/${other.id}`);
  await expect(review.getByRole("form", { name: "Haben Sie bei diesem Antrag einen Interessenkonflikt?" })).toBeVisible();
  await expectAccessible(review);
  await testDb().query(
    `INSERT INTO "ConflictDeclaration" (id, "requestId", "reviewerId", "hasConflict", reason) VALUES ($1, $2, $3, true, 'Ich habe die Arbeit betreut.')`,
    [randomUUID(), other.id, reviewerId],
  );
  await review.reload();
  await expectAccessible(review);

  // An appeal waiting for an uninvolved reviewer.
  const appealed = await createRequestIn({ status: "DECLINE_APPEALED", decision: { outcome: "DECLINED", decidedAt: new Date(Date.now() - 3 * DAY) } });
  await testDb().query(
    `INSERT INTO "Appeal" (id, "requestId", "fromStatus", statement, additions, original, "involvedIds") VALUES ($1, $2, 'DECLINED', 'Bitte noch einmal prüfen.', '{"need": "Mehr Volumen."}', '{}', '{}')`,
    [randomUUID(), appealed.id],
  );
  await recordNoConflict(appealed.id, reviewerId);
  await review.goto(`/review/${appealed.id}`);
  await expect(review.getByRole("form", { name: "Über den Widerspruch entscheiden" })).toBeVisible();
  await expect(review.getByTestId("added-on-appeal-need")).toContainText("Mehr Volumen.");
  await expectAccessible(review);

  const { page: admin } = await signedIn(browser, "de", "ADMIN");
  for (const path of ["/admin/approvals", "/admin/conflicts", "/admin/targets"]) {
    await admin.goto(path);
    await expect(admin.locator("html")).toHaveAttribute("lang", "de");
    await expectAccessible(admin);
  }
});
