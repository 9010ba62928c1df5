// Pictures of German pages for docs/screenshots/, made on request: `E2E_SCREENSHOTS=1 npx playwright
// test --project=screenshots` (after a build; the project exists only then). Long German words are
// where layouts break first.
import { mkdirSync } from "node:fs";

import type { Browser, Page } from "@playwright/test";

import type { TRole } from "../lib/domain/roles";

import { createSession, createUser, testDb } from "./support/database";
import { expect, test } from "./support/fixtures";
import { createSubmittedRequest } from "./support/requests";
import { baseURL } from "./support/settings";

const OUT = process.env.E2E_SCREENSHOTS_DIR ?? "docs/screenshots";

/** E2E_SCREENSHOTS_WIDTH=320 looks at a phone's width. */
const viewport = { width: Number(process.env.E2E_SCREENSHOTS_WIDTH ?? 1024), height: 768 };

/** The first screen of the page; with E2E_SCREENSHOTS_FULL, every screen of it, one file each, to look the whole page over. */
async function shoot(page: Page, name: string) {
  mkdirSync(OUT, { recursive: true });
  if (!process.env.E2E_SCREENSHOTS_FULL) return void (await page.screenshot({ path: `${OUT}/${name}.png` }));
  const { width, height } = page.viewportSize()!;
  const total = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0, index = 0; y < total; y += height, index += 1) {
    await page.screenshot({
      path: `${OUT}/${name}-${String(index).padStart(2, "0")}.png`,
      fullPage: true,
      clip: { x: 0, y, width, height: Math.min(height, total - y) },
    });
  }
}

/** A new person with this role and name, whose language is German, signed in in a browser of their own. */
async function germanPerson(browser: Browser, role: TRole, name: string) {
  const user = await createUser(role, "de");
  await testDb().query(`UPDATE "User" SET name = $2, locale = 'de' WHERE id = $1`, [user.id, name]);
  const context = await browser.newContext({ baseURL, locale: "de-DE", viewport });
  await context.addCookies([{ name: "authjs.session-token", value: await createSession(user.id), url: baseURL }]);
  return context.newPage();
}

test("German pages, as a reviewer and a requester see them", async ({ browser }) => {
  test.setTimeout(90_000);
  const submitted = await createSubmittedRequest((answers) => {
    Object.assign(answers.who, { contactName: "Erika Mustermann", organisation: "Bibliotheksverbund Süd-West e. V." });
    Object.assign(answers.what, { purpose: "Ein Katalogdienst, der Bibliotheksbestände mit Wikipedia-Artikeln und Wikidata-Objekten verknüpft." });
  });
  const review = await germanPerson(browser, "WMF_REVIEWER", "Erika Prüferin");

  await review.goto("/review");
  await shoot(review, "de-queue");
  await review.goto(`/review/${submitted.id}`);
  await review.getByRole("button", { name: "Antrag übernehmen" }).click();
  await expect(review.getByText("Zuständig: Erika Prüferin")).toBeVisible();
  await shoot(review, "de-request");
  await review.getByRole("link", { name: "Bewilligen oder ablehnen" }).click();
  await review.getByRole("form", { name: "Zugang bewilligen" }).getByRole("button", { name: "Zugang bewilligen" }).click();
  await expect(review.getByRole("alert", { name: "Es gibt ein Problem" })).toBeVisible();
  await shoot(review, "de-decision");
  await review.context().close();

  const page = await germanPerson(browser, "REQUESTER", "Erika Mustermann");
  await page.goto("/requests/new");
  await page.getByRole("button", { name: "Neuen Antrag stellen" }).click();
  await page.getByRole("link", { name: "Was", exact: true }).click();
  await page.getByRole("button", { name: "Speichern und weiter" }).click();
  await expect(page.getByRole("alert", { name: "Es gibt ein Problem" })).toBeVisible();
  await shoot(page, "de-requester-form");
  await page.context().close();
});
