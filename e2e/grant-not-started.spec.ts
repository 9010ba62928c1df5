// A grant whose first day is still to come says so everywhere: to its holder, to reviewers, in the register.
import { randomUUID } from "node:crypto";

import { longDate } from "../lib/i18n/format";
import { createSession } from "./support/database";
import { expect, expectAccessible, test } from "./support/fixtures";
import { createRequestIn } from "./support/requests";
import { baseURL } from "./support/settings";

const DAY = 86_400_000;
/** A day as the pages write it in English: 15 January 2027. */
const longDay = (instant: Date) => longDate(instant, "en-GB");

async function grantStartingIn(days: number, lastsDays: number, name: string) {
  const startsAt = new Date(Date.now() + days * DAY);
  startsAt.setUTCHours(0, 0, 0, 0);
  const expiresAt = new Date(startsAt.getTime() + lastsDays * DAY - 1);
  const grant = await createRequestIn({
    status: "GRANTED",
    expiresAt,
    change: (answers) => {
      answers.values.registerConsent = "on";
    },
    decision: {
      decidedAt: new Date(Date.now() - 3_600_000),
      startsAt,
      expiresAt,
      apis: ["realtime"],
      publicName: name,
      publicSummary: `What ${name} does with the data.`,
    },
  });
  return { ...grant, startsAt, expiresAt };
}

test("a grant that has not started tells its holder when it starts, for which account, and holds renewal back", async ({ page }) => {
  const grant = await grantStartingIn(20, 365, `Tide Tables ${randomUUID().slice(0, 8)}`);
  await page.context().addCookies([{ name: "authjs.session-token", value: await createSession(grant.requester.id), url: baseURL }]);

  await page.goto("/requests");
  await expect(page.getByRole("row", { name: new RegExp(grant.reference) })).toContainText("Granted, not started yet");

  await page.goto(`/requests/${grant.id}`);
  await expect(page.getByText("Granted, not started yet", { exact: true })).toBeVisible();
  await expect(page.getByText(`Your access starts on ${longDay(grant.startsAt)} and ends on ${longDay(grant.expiresAt)}, included.`)).toBeVisible();
  await expect(page.getByText(`From ${longDay(grant.startsAt)}, the Enterprise account ada-lab gets the access described below.`)).toBeVisible();
  await expect(page.getByText("Your access is active")).toHaveCount(0);
  // Renewal opens 60 days before the end; giving the grant up stays open.
  const opens = new Date(grant.expiresAt.getTime() - 60 * DAY);
  await expect(page.getByText(`You can ask to renew from ${longDay(opens)}, 60 days before your access ends.`)).toBeVisible();
  await expect(page.getByRole("button", { name: "Ask to renew" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "I no longer need this access" })).toBeVisible();
  await expectAccessible(page);
});

test("a grant in its last 60 days offers renewal, and names the account that has the access", async ({ page }) => {
  const grant = await grantStartingIn(-300, 340, `Harbour Atlas ${randomUUID().slice(0, 8)}`);
  await page.context().addCookies([{ name: "authjs.session-token", value: await createSession(grant.requester.id), url: baseURL }]);
  await page.goto(`/requests/${grant.id}`);
  await expect(page.getByText("Granted", { exact: true })).toBeVisible();
  await expect(page.getByText(`Your access is active until ${longDay(grant.expiresAt)}, included.`)).toBeVisible();
  await expect(page.getByText("The Enterprise account ada-lab has the access described below.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Ask to renew" })).toBeVisible();
});

test("the register and the reviewers show a grant that has not started as such", async ({ page, signInAs }) => {
  const name = `Lantern Maps ${randomUUID().slice(0, 8)}`;
  const grant = await grantStartingIn(10, 200, name);

  await page.goto(`/register?reference=${grant.reference}`);
  await expect(page.getByRole("article", { name })).toContainText("Not started yet");
  await page.goto("/register?status=not_started");
  await expect(page.getByRole("article", { name })).toBeVisible();
  await page.goto("/register?status=active");
  await expect(page.getByRole("article", { name })).toHaveCount(0);
  const json = (await (await page.request.get(`/register.json?reference=${grant.reference}`)).json()) as { grants: { status: string }[] };
  expect(json.grants.map((entry) => entry.status)).toEqual(["not_started"]);

  await signInAs("WMF_REVIEWER");
  await page.goto(`/review/${grant.id}`);
  await expect(page.getByText("Granted, not started yet", { exact: true })).toBeVisible();
});
