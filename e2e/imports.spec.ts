// An admin brings in the email era's record from a CSV file: a file with mistakes is refused
// whole, each mistake named by row and column; a clean one is recorded, with no email, and its
// requests read as imported for reviewers, its consenting grant in the public register; the same
// file again adds nothing.
import { csvLine } from "../lib/domain/csv";
import { importTemplate } from "../lib/domain/import/record";

import { testDb } from "./support/database";
import { fillDate } from "./support/dates";
import { expect, expectAccessible, test } from "./support/fixtures";

const dayFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A file of `rows`, each given by column; the other cells empty. */
function importFile(rows: Record<string, string>[]) {
  const columns = importTemplate();
  return Buffer.from([columns, ...rows.map((row) => columns.map((column) => row[column] ?? ""))].map((cells) => csvLine(cells)).join(""));
}

function rows(tag: string): Record<string, string>[] {
  return [
    {
      external_id: `${tag}-wikimaps`,
      requester_email: `maps.${tag}@example.org`,
      requester_name: "Ada Example",
      organisation: "Wikimaps",
      enterprise_username: `wikimaps-${tag}`,
      received_on: "2021-03-02",
      decided_on: "2021-04-15",
      outcome: "granted",
      decided_by: "Partnerships team",
      apis: "snapshot",
      snapshot_frequency: "monthly",
      expires_on: dayFromToday(300),
      register_consent: "yes",
      public_name: `Wikimaps.space ${tag}`,
      public_summary: "Historical maps linked to Wikidata, for anyone to explore.",
      answer_who: "A volunteer project mapping history.\nRun by three people.",
    },
    {
      external_id: `${tag}-declined`,
      requester_email: `declined.${tag}@example.org`,
      received_on: "2022-06-01",
      decided_on: "2022-07-01",
      outcome: "declined",
      decided_by: "Partnerships team",
    },
  ];
}

const upload = (page: import("@playwright/test").Page, content: Buffer) =>
  page.getByLabel("CSV file").setInputFiles({ name: "email-era.csv", mimeType: "text/csv", buffer: content });

test("a file with mistakes is refused whole, each named by row and column, and nothing is recorded", async ({ page, signInAs }) => {
  const tag = `bad${Date.now().toString(36)}`;
  const [granted, declined] = rows(tag);
  await signInAs("ADMIN");
  await page.goto("/admin/imports");
  await expect(page.getByRole("heading", { level: 1, name: "Import requests from the email era" })).toBeVisible();
  await expectAccessible(page);

  await upload(
    page,
    importFile([
      { ...granted!, expires_on: "" },
      { ...declined!, decided_on: "2022-05-01", outcome: "maybe" },
    ]),
  );
  await page.getByRole("button", { name: "Check and import" }).click();
  const summary = page.getByRole("alert", { name: "There is a problem" });
  await expect(summary).toContainText("The file has 2 problems, so nothing was imported.");
  const problems = page.getByRole("table", { name: "Problems in the file" });
  await expect(problems.getByRole("row")).toHaveText([
    /Row\s*Column\s*Problem/,
    /^2\s*expires_on\s*Enter the expiry date/,
    /^3\s*outcome\s*Use granted or declined/,
  ]);
  await expectAccessible(page);
  const { rows: written } = await testDb().query(`SELECT count(*)::int AS n FROM "Request" WHERE "externalId" LIKE $1`, [`${tag}-%`]);
  expect(written[0].n).toBe(0);
});

test("a clean file is recorded as it ended, with no email; reviewers read it as imported, the register lists the grant, and a second import adds nothing", async ({
  page,
  signInAs,
}) => {
  const tag = `ok${Date.now().toString(36)}`;
  await signInAs("ADMIN");
  await page.goto("/admin/imports");
  await upload(page, importFile(rows(tag)));
  await page.getByRole("button", { name: "Check and import" }).click();
  const done = page.getByRole("status").filter({ hasText: "recorded" });
  await expect(done).toHaveText(/^2 requests were recorded\.\s*Recorded now: EA-2021-\d{4}, EA-2022-\d{4}$/);
  const links = done.getByRole("link");
  await expect(links).toHaveCount(2);
  const reference = (await links.first().textContent()) ?? "";
  expect(reference).toMatch(/^EA-2021-\d{4}$/);

  const { rows: requests } = await testDb().query(`SELECT id, status FROM "Request" WHERE "externalId" LIKE $1 ORDER BY "externalId"`, [`${tag}-%`]);
  expect(requests.map((request) => request.status)).toEqual(["DECLINED", "GRANTED"]);
  const { rows: emails } = await testDb().query(`SELECT count(*)::int AS n FROM "OutboxEmail" WHERE "requestId" = ANY($1)`, [
    requests.map((request) => request.id),
  ]);
  expect(emails[0].n, "nobody is emailed about the past").toBe(0);

  // The reviewer's page says where it came from, names the decider, and shows the emails' answers.
  await links.first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(reference);
  await expect(page.getByText("Received and decided by email before this app. Recorded here by")).toBeVisible();
  await expect(page.getByText("Granted by Partnerships team")).toBeVisible();
  const who = page.locator('section[aria-labelledby="section-who"]');
  await expect(who.getByText("A volunteer project mapping history.")).toBeVisible();
  await expect(page.getByText("Not recorded.").first()).toBeVisible();
  await expectAccessible(page);

  // The queue's decided requests mark it too.
  await page.goto(`/review?view=decided&q=${encodeURIComponent(`wikimaps-${tag}`)}`);
  await expect(page.getByRole("row").filter({ hasText: reference }).getByText("Imported", { exact: true })).toBeVisible();

  // The register lists the consenting grant, marked as granted by email; the figures count both, told apart.
  await page.goto("/register");
  const entry = page.getByRole("article", { name: `Wikimaps.space ${tag}` });
  await expect(entry.getByText("Granted by email, before this register")).toBeVisible();
  await page.goto("/figures?from=2021-01-01&to=2022-12-31");
  await expect(page.getByRole("table", { name: /Requests received/ }).getByRole("columnheader", { name: "Of which decided by email" })).toBeVisible();
  await expect(page.getByText("Requests decided by email before this site opened were recorded here afterwards.")).toBeVisible();

  await page.goto("/admin/imports");
  await upload(page, importFile(rows(tag)));
  await page.getByRole("button", { name: "Check and import" }).click();
  await expect(page.getByRole("status").filter({ hasText: "recorded" })).toContainText(
    "0 requests were recorded. 2 rows were imported before and left as they were.",
  );
  const { rows: after } = await testDb().query(`SELECT count(*)::int AS n FROM "Request" WHERE "externalId" LIKE $1`, [`${tag}-%`]);
  expect(after[0].n).toBe(2);
});

test("the template is the header row the import reads", async ({ page, signInAs }) => {
  await signInAs("ADMIN");
  const response = await page.request.get("/admin/imports/template.csv");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-disposition"]).toContain("exceptional-access-import-template.csv");
  expect((await response.text()).replace(/^\uFEFF/, "")).toBe(csvLine(importTemplate()));
});

test("one request is recorded from the form: each mistake named beside its field with what was typed kept, then its page opens", async ({ page, signInAs }) => {
  const tag = Date.now().toString(36);
  await signInAs("ADMIN");
  await page.goto("/admin/imports");
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Record the request" }) });
  await form.getByLabel("Email address").fill(`form.${tag}@example.org`);
  await form.getByLabel("Who", { exact: true }).fill("A small research group.");
  await form.getByRole("radio", { name: "Granted" }).check();
  await form.getByRole("button", { name: "Record the request" }).click();
  const summary = page.getByRole("alert", { name: "There is a problem" });
  await expect(summary.getByRole("link")).toHaveText([
    "Enter the date the request was received",
    "Enter the date of the decision",
    "Enter the name of the person who decided",
    "Enter the Enterprise account the access was granted to",
    "Choose at least one API to grant",
    "Enter the expiry date",
  ]);
  await expect(form.getByLabel("Email address")).toHaveValue(`form.${tag}@example.org`);
  await expect(form.getByLabel("Who", { exact: true })).toHaveValue("A small research group.");
  await expectAccessible(page);

  await fillDate(form, "Received on", "2023-05-02");
  await fillDate(form, "Decided on", "2023-06-01");
  await form.getByLabel("Decided by", { exact: true }).fill("Partnerships team");
  await form.getByLabel("Enterprise account").fill(`research-${tag}`);
  await form.getByRole("checkbox", { name: "Snapshot API" }).check();
  await form.getByLabel("Snapshot frequency").selectOption("weekly");
  await fillDate(form, "Access until", dayFromToday(100));
  await form.getByRole("button", { name: "Record the request" }).click();

  await expect(page).toHaveURL(/\/review\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/EA-2023-\d{4}/);
  await expect(page.getByText("Granted by Partnerships team on 1 June 2023")).toBeVisible();
  await expect(page.locator('section[aria-labelledby="section-who"]').getByText("A small research group.")).toBeVisible();
  const { rows } = await testDb().query(
    `SELECT r.status, count(o.id)::int AS emails FROM "Request" r LEFT JOIN "OutboxEmail" o ON o."requestId" = r.id WHERE r."answers" -> 'who' ->> 'email' = $1 GROUP BY r.status`,
    [`form.${tag}@example.org`],
  );
  expect(rows).toEqual([{ status: "GRANTED", emails: 0 }]);
});
