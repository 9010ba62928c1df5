// Promised contributions: a requester lists them as rows, without JavaScript too. What a grant
// makes of them, and the check-in that asks about them, is the clock journey's (clock.spec.ts).
import type { TDraftAnswers } from "../lib/domain/request/sections";

import { createSession } from "./support/database";
import { dateFromToday } from "./support/apply";
import { fillDate } from "./support/dates";
import { expect, expectAccessible, test } from "./support/fixtures";
import { createRequestIn } from "./support/requests";
import { baseURL } from "./support/settings";

const withoutPromises = (answers: Required<TDraftAnswers>) => {
  Object.assign(answers.obligation, { contributionKind: [], contributionDescription: [], contributionLink: [], contributionBy: [] });
};

test("a requester adds two contributions without JavaScript, and a half-filled row is named in its error", async ({ browser }) => {
  const draft = await createRequestIn({ status: "DRAFT", change: withoutPromises });
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  await context.addCookies([{ name: "authjs.session-token", value: await createSession(draft.requester.id), url: baseURL }]);
  const page = await context.newPage();
  const row = (n: number) => page.getByRole("group", { name: `Contribution ${n}`, exact: true });

  await page.goto(`/requests/${draft.id}/obligation`);
  await expect(row(2)).toHaveCount(0);
  await row(1).getByLabel("Kind of contribution").selectOption({ label: "Tools or software" });
  await row(1).getByLabel("What you will give").fill("Our offline packager, under an open licence");
  await row(1).getByLabel("Link (optional)").fill("https://example.org/packager");
  await page.getByRole("button", { name: "Add another contribution" }).click();

  await expect(row(1).getByLabel("What you will give")).toHaveValue("Our offline packager, under an open licence");
  await row(2).getByLabel("Kind of contribution").selectOption({ label: "Reports or research findings" });
  await fillDate(row(2), "Expected by (optional)", dateFromToday(200));
  await page.getByRole("button", { name: "Save and continue" }).click();

  const summary = page.getByRole("alert", { name: "There is a problem" });
  await expect(summary.getByRole("link")).toHaveText(["Contribution 2: describe what you will give"]);
  await expect(summary.getByRole("link")).toHaveAttribute("href", "#contribution-2-description");
  await expect(row(2)).toContainText("Contribution 2: describe what you will give");
  await expect(row(2).getByLabel("Kind of contribution")).toHaveValue("reports");

  // The same problem as the browser finds it with JavaScript, checked by axe in English and Arabic (axe runs as a script).
  const scripted = await browser.newContext({ baseURL });
  await scripted.addCookies([{ name: "authjs.session-token", value: await createSession(draft.requester.id), url: baseURL }]);
  const checked = await scripted.newPage();
  for (const [query, button, problem] of [
    ["", "Save and continue", "Contribution 2: describe what you will give"],
    ["?uselang=ar", "احفظ وتابِع", "المساهمة 2: صِف ما ستقدّمه"],
  ] as const) {
    await checked.goto(`/requests/${draft.id}/obligation${query}`);
    await checked.getByRole("button", { name: button }).click();
    await expect(checked.locator(".error-summary").getByRole("link")).toHaveText([problem]);
    await expectAccessible(checked);
  }
  await scripted.close();

  await row(2).getByLabel("What you will give").fill("A yearly report on reader use");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByRole("heading", { name: "Your request for exceptional access" })).toBeVisible();
  await context.close();
});
