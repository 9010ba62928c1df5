// Reviewers' steps through the real pages, shared by the journeys that need a decision made.
import type { Browser, Locator, Page } from "@playwright/test";

import { createSession, createUser, type TTestUser } from "./database";
import { fillDate } from "./dates";
import { expect } from "./fixtures";
import { baseURL } from "./settings";

/** A second person in their own browser context, signed in as a new user with `role`. */
export async function personPage(browser: Browser, role: TTestUser["role"]): Promise<{ page: Page; user: TTestUser }> {
  const user = await createUser(role);
  const context = await browser.newContext({ baseURL });
  await context.addCookies([{ name: "authjs.session-token", value: await createSession(user.id), url: baseURL }]);
  return { page: await context.newPage(), user };
}

/** The requester of a seeded request, signed in on `page`. */
export async function signInRequester(page: Page, requester: TTestUser) {
  await page.context().addCookies([{ name: "authjs.session-token", value: await createSession(requester.id), url: baseURL }]);
}

/** Opens the part of the page behind a disclosure line (a `<details>`), unless it is open already. */
export async function openDisclosure(scope: Page | Locator, line: string | RegExp) {
  const summary = scope.locator("summary").filter({ hasText: line });
  // The inner locator of `has` is matched from each details element, so it starts from the page.
  const page = "page" in scope ? scope.page() : scope;
  const details = scope.locator("details").filter({ has: page.locator(":scope > summary").filter({ hasText: line }) });
  if (!(await details.evaluate((element) => (element as HTMLDetailsElement).open))) await summary.click();
}

/** The reviewer takes the request and declares no conflict of interest with it, ready to assess and decide. */
export async function take(review: Page, id: string) {
  await review.goto(`/review/${id}`);
  await review.getByRole("button", { name: "Take this request" }).click();
  await expect(review.getByText("In review", { exact: true })).toBeVisible();
  await declareNoConflict(review);
}

/**
 * Fills and sends the grant form with the defaults the page offers, plus what a grant always
 * needs; `publicSummary` rewrites the register entry's summary (asked for with consent only),
 * `contributions` changes which promises the grant confirms and how.
 */
export async function grant(
  review: Page,
  options: { startsOn?: string; expiresOn?: string; publicSummary?: string; contributions?: (form: Locator) => Promise<void> } = {},
) {
  await review.getByRole("link", { name: "Grant or decline" }).click();
  const form = review.getByRole("form", { name: "Grant or decline?" });
  await form.getByLabel("Grant access", { exact: true }).check();
  await form.getByRole("group", { name: "Snapshot API: how often" }).getByLabel("weekly").check();
  if (options.startsOn) await fillDate(form, "Start date", options.startsOn);
  if (options.expiresOn) await fillDate(form, "Expiry date", options.expiresOn);
  if (options.publicSummary) await form.getByLabel("Summary for the register").fill(options.publicSummary);
  const criteria = form.getByRole("group", { name: "Criteria the grant rests on" });
  await criteria.getByLabel("Need").check();
  await criteria.getByLabel("Mission alignment").check();
  await form.getByLabel("Rationale (internal)", { exact: true }).fill("Clear need above the free volume; strong mission fit.");
  await form.getByLabel("Message to the requester").filter({ visible: true }).fill("Congratulations: your access is ready.");
  await options.contributions?.(form);
  await form.getByRole("button", { name: "Continue" }).click();
  const check = review.getByRole("form", { name: "Check your decision" });
  await expect(check).toContainText("Snapshot API: how oftenWeekly", { ignoreCase: true });
  await check.getByRole("button", { name: "Grant access and email the requester" }).click();
  await expect(review.getByRole("status").filter({ hasText: "The request is granted." })).toBeVisible();
}

/** The reviewer says on the request's page that they have no conflict of interest, as before their first assessment or decision. */
export async function declareNoConflict(review: Page) {
  const form = review.getByRole("form", { name: "Do you have a conflict of interest with this request?" });
  await form.getByLabel("No, I have no conflict of interest").check();
  await form.getByRole("button", { name: "Save declaration" }).click();
  await expect(review.getByText(/^You declared no conflict of interest on/)).toBeVisible();
}
