import type { Locator, Page } from "@playwright/test";

/** Types a day (YYYY-MM-DD) into the date field under `legend`: its day, month and year boxes, as a person would. */
export async function fillDate(scope: Page | Locator, legend: string, day: string, labels = { day: "Day", month: "Month", year: "Year" }) {
  const [year = "", month = "", date = ""] = day.split("-");
  const group = scope.getByRole("group", { name: legend, exact: true });
  await group.getByLabel(labels.day, { exact: true }).fill(String(Number(date)));
  await group.getByLabel(labels.month, { exact: true }).fill(String(Number(month)));
  await group.getByLabel(labels.year, { exact: true }).fill(year);
}
