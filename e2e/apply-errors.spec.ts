import { expect, test } from "./support/fixtures";

const SECTIONS: [string, string, string][] = [
  // section, a field to type into, the first error expected in the summary
  ["Who", "Contact person's full name", "Select who is applying"],
  ["What", "What will you use the access for?", "Select the kind of exception you need"],
  ["Need", "Why do the free options not meet your need?", "Say whether you tried the free Enterprise account"],
  ["Obligation", "Anything else about what you give back (optional)", "Say whether custom development would be needed"],
  ["Mission alignment", "How does your work serve these goals?", "Select at least one recommendation"],
  ["Values alignment", "How do you show a commitment to open knowledge, transparency or public benefit?", "Say whether your use case involves generative AI"],
];

test.beforeEach(async ({ page, signInAs }) => {
  await signInAs("REQUESTER");
  await page.goto("/requests/new");
  await page.getByRole("button", { name: "Start a new request" }).click();
  await expect(page.getByRole("heading", { name: "Your request for exceptional access" })).toBeVisible();
});

for (const [section, field, firstError] of SECTIONS) {
  test(`the ${section} section explains every problem, links to the field, and keeps what was typed`, async ({ page }) => {
    await page.getByRole("link", { name: section, exact: true }).click();
    await page.getByLabel(field, { exact: true }).fill("Something I typed <b>bold</b>");
    await page.getByRole("button", { name: "Save and continue" }).click();

    await expect(page).toHaveTitle(/^Error: /);
    const summary = page.getByRole("alert", { name: "There is a problem" });
    await expect(summary).toBeFocused();
    const first = summary.getByRole("link").first();
    await expect(first).toHaveText(firstError);
    await expect(page.getByLabel(field, { exact: true })).toHaveValue("Something I typed <b>bold</b>");

    const target = (await first.getAttribute("href"))!.slice(1);
    await first.click();
    await expect(page.locator(`[id="${target}"]`)).toBeFocused();
    // The same message stands beside the field.
    await expect(page.locator(`[id="${target}"]`).locator("xpath=ancestor::div[contains(@class,'field--error')][1]")).toContainText(firstError);
  });
}

test("answers beyond the limits are refused with the limit named", async ({ page }) => {
  await page.getByRole("link", { name: "What", exact: true }).click();
  await page.getByLabel("Links to your project, documentation or proposal").fill("https://example.org\nftp://example.org/file");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("Line 2 is not a web address starting with http:// or https://");
});

test("questions revealed by a choice appear with it and are then required", async ({ page }) => {
  await page.getByRole("link", { name: "Values alignment", exact: true }).click();
  const ethics = page.getByLabel("How do you address the ethics of generative AI?");
  await expect(ethics).toBeHidden();
  await page.getByRole("group", { name: "Does your use case involve generative AI?" }).getByLabel("Yes").check();
  await expect(ethics).toBeVisible();
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("Explain how you address the ethics of generative AI");
});

test("on Need, each free method asks how it falls short only once it was tried or considered", async ({ page }) => {
  await page.getByRole("link", { name: "Need", exact: true }).click();
  const method = page.getByRole("group", { name: "Public database dumps", exact: true });
  const shortfall = page.getByLabel("How do the public dumps fall short?");
  await expect(shortfall).toBeHidden();
  await method.getByLabel("I did not consider it").check();
  await expect(shortfall).toBeHidden();
  await method.getByLabel("I considered it").check();
  await expect(shortfall).toBeVisible();
  await method.getByLabel("I tried it").check();
  await expect(shortfall).toBeVisible();
  await page.getByRole("button", { name: "Save and continue" }).click();
  const summary = page.getByRole("alert", { name: "There is a problem" });
  await expect(summary.getByRole("link", { name: "Explain how the public dumps fall short" })).toBeVisible();
  await summary.getByRole("link", { name: "Explain how the public dumps fall short" }).click();
  await expect(shortfall).toBeFocused();
  await method.getByLabel("I did not consider it").check();
  await expect(shortfall).toBeHidden();
});
