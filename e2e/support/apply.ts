import { expect, type Page } from "@playwright/test";

import { fillDate } from "./dates";

/** A date `days` from today as YYYY-MM-DD, what a date field takes. */
export function dateFromToday(days: number) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

const group = (page: Page, name: string) => page.getByRole("group", { name, exact: true });

/** Opens a section from the task list, answers it completely and continues back to the task list. */
export async function completeSection(page: Page, section: string, answer: (page: Page) => Promise<void>) {
  await page.getByRole("link", { name: section, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: section })).toBeVisible();
  await answer(page);
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByRole("heading", { name: "Your request for exceptional access" })).toBeVisible();
}

export const ANSWERS: Record<string, (page: Page) => Promise<void>> = {
  Who: async (page) => {
    await page.getByLabel("A non-profit organisation").check();
    await page.getByLabel("Contact person's full name").fill("Ada Lovelace");
    await page.getByLabel("Organisation", { exact: true }).fill("Open Maps Lab");
    await page.getByLabel("Enterprise API account username").fill("openmapslab");
    await page.getByLabel("Country").selectOption({ label: "Switzerland" });
  },
  What: async (page) => {
    await page.getByLabel("More than the free volume of requests or downloads").check();
    await page.getByLabel("What will you use the access for?").fill("A map of how 40 Wikipedia language editions cover places.");
    await page.getByLabel("Snapshot API (whole-project downloads)").check();
    await page.getByRole("checkbox", { name: "Wikipedia", exact: true }).check();
    await page.getByLabel("Which Wikipedia language editions?").fill("40 editions, among them en, de, fr, sw");
    const volume = group(page, "Expected volume for Wikipedia");
    await volume.getByLabel("Requests per month").fill("200,000");
    await volume.getByLabel("Snapshot downloads per month").fill("2");
    await page.getByLabel("Links to your project, documentation or proposal").fill("https://example.org/open-maps");
  },
  Need: async (page) => {
    await group(page, "Free Enterprise account").getByLabel("I tried it").check();
    await page.getByLabel("How does the free Enterprise account fall short?").fill("The monthly request allowance runs out in the first week.");
    for (const method of ["Enterprise access from Wikimedia Cloud Services", "Public database dumps", "Public Wikimedia APIs"]) {
      await group(page, method).getByLabel("I did not consider it").check();
    }
    await page.getByLabel("A steady need above the free requests per second or downloads per month").check();
    await page.getByLabel("Why do the free options not meet your need?").fill("We refresh 40 editions every two weeks.");
  },
  Obligation: async (page) => {
    await group(page, "Would supporting your use case need custom development?").getByLabel("No").check();
    await group(page, "Can today's APIs and datasets serve your use case?").getByLabel("Yes").check();
    await fillDate(page, "When should the access start?", dateFromToday(10));
    await fillDate(page, "When should it end?", dateFromToday(300));
    const contribution = group(page, "Contribution 1");
    await contribution.getByLabel("Kind of contribution").selectOption({ label: "Reports or research findings" });
    await contribution.getByLabel("What you will give").fill("A yearly report on coverage gaps, shared on Meta-Wiki.");
  },
  "Mission alignment": async (page) => {
    await page.getByLabel("Innovate in free knowledge").check();
    await page.getByLabel("How does your work serve these goals?").fill("It shows editors where coverage is thin.");
    await page.getByLabel(/I confirm that the use case does not create/).check();
  },
  "Values alignment": async (page) => {
    await page.getByLabel(/How do you show a commitment/).fill("All our code and data are openly licensed.");
    await group(page, "Does your use case involve generative AI?").getByLabel("No").check();
    await page.getByLabel(/I confirm that our business model/).check();
  },
};

/** Creates a draft from the start page and completes all six sections. */
export async function completeDraft(page: Page) {
  await page.goto("/");
  await page.getByRole("link", { name: "Start a request" }).click();
  await page.getByRole("button", { name: "Start a new request" }).click();
  await expect(page.getByRole("heading", { name: "Your request for exceptional access" })).toBeVisible();
  for (const [section, answer] of Object.entries(ANSWERS)) await completeSection(page, section, answer);
  await expect(page.getByText("You have completed 6 of 6 sections.")).toBeVisible();
}
