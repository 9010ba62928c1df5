import { testDb } from "./support/database";
import { expect, test } from "./support/fixtures";
import { createRequestIn } from "./support/requests";
import { personPage, signInRequester, take } from "./support/review";

const DAY = 86_400_000;

test("look", async ({ page, browser }) => {
  test.setTimeout(120_000);
  // An active grant with a check-in answered and contributions, and one quiet.
  const startsAt = new Date(Date.now() - 200 * DAY);
  const expiresAt = new Date(Date.now() + 200 * DAY);
  const answered = await createRequestIn({ status: "GRANTED", expiresAt, decision: { outcome: "GRANTED", startsAt, expiresAt, apis: ["snapshot"] } });
  const quiet = await createRequestIn({ status: "GRANTED", expiresAt, decision: { outcome: "GRANTED", startsAt, expiresAt, apis: ["snapshot"] } });
  for (const id of [answered.id, quiet.id]) await testDb().query(`UPDATE "Request" SET "startsAt" = $2 WHERE id = $1`, [id, startsAt]);
  await testDb().query(
    `INSERT INTO "CheckIn" (id, "requestId", "scheduledFor", "openedAt", "dueAt", "answeredAt", "useCase") VALUES ($1, $2, now() - interval '40 days', now() - interval '40 days', now() - interval '10 days', now() - interval '20 days', 'active')`,
    [`${answered.id}_ci`, answered.id],
  );
  await testDb().query(
    `INSERT INTO "CheckIn" (id, "requestId", "scheduledFor", "openedAt", "dueAt") VALUES ($1, $2, now() - interval '35 days', now() - interval '35 days', now() - interval '5 days')`,
    [`${quiet.id}_ci`, quiet.id],
  );
  await testDb().query(
    `INSERT INTO "Contribution" (id, "requestId", position, kind, description, status, "updatedAt") VALUES ($1, $2, 1, 'tools', 'A viewer', 'DELIVERED', now()), ($3, $2, 2, 'reports', 'A report', 'PROMISED', now())`,
    [`${answered.id}_c1`, answered.id, `${answered.id}_c2`],
  );
  const { page: review } = await personPage(browser, "ADMIN");
  for (const [lang, width] of [
    ["en", 1280],
    ["en", 390],
    ["de", 1280],
  ] as const) {
    await review.setViewportSize({ width, height: 900 });
    await review.goto(`/review/dashboard?uselang=${lang}`);
    await review.locator("#active-value-title").scrollIntoViewIfNeeded();
    await review.screenshot({ path: `/tmp/shots/dashboard-${lang}-${width}.png`, fullPage: true });
  }
  // The decision form with promises, value and cadence.
  const submitted = await createRequestIn({
    status: "SUBMITTED",
    change: (answers) => {
      Object.assign(answers.obligation, {
        contributionKind: ["reports", "tools"],
        contributionDescription: ["A yearly report", "Our offline packager"],
        contributionLink: ["", "https://example.org/packager"],
        contributionBy: ["", ""],
      });
    },
  });
  await review.setViewportSize({ width: 1280, height: 900 });
  await take(review, submitted.id);
  await review.getByRole("link", { name: "Grant or decline" }).click();
  await review.getByLabel("Grant access", { exact: true }).check();
  await review.screenshot({ path: "/tmp/shots/decide-1280.png", fullPage: true });
  await review.setViewportSize({ width: 390, height: 900 });
  await review.screenshot({ path: "/tmp/shots/decide-390.png", fullPage: true });
  // The requester's check-in page in Arabic on a phone.
  await signInRequester(page, quiet.requester);
  await page.setViewportSize({ width: 390, height: 900 });
  await page.goto(`/requests/${quiet.id}?uselang=ar`);
  await page.screenshot({ path: "/tmp/shots/request-ar-390.png", fullPage: true });
  await page.goto(`/requests/${quiet.id}/check-in?uselang=ar`);
  await page.screenshot({ path: "/tmp/shots/check-in-ar-390.png", fullPage: true });
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
});
