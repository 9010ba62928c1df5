import { createUser, roleOf, testDb } from "./support/database";
import { expect, test } from "./support/fixtures";

test("each role lands on the page it works from", async ({ page, signInAs }) => {
  await signInAs("REQUESTER");
  await page.goto("/home");
  await expect(page).toHaveURL(/\/requests$/);
});

for (const role of ["WMF_REVIEWER", "WMDE_REVIEWER"] as const) {
  test(`a ${role} lands on the review queue`, async ({ page, signInAs }) => {
    await signInAs(role);
    await page.goto("/home");
    await expect(page).toHaveURL(/\/review$/);
    await expect(page.getByRole("heading", { name: "Review queue" })).toBeVisible();
    await expect(page.getByRole("link", { name: "People and roles" })).toHaveCount(0);
  });
}

test("the admin page does not exist for a requester or a reviewer", async ({ page, signInAs }) => {
  await signInAs("REQUESTER");
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("link", { name: "People and roles" })).toHaveCount(0);
});

test("a reviewer cannot open the admin page either", async ({ page, signInAs }) => {
  await signInAs("WMF_REVIEWER");
  expect((await page.goto("/admin/users"))?.status()).toBe(404);
});

test("an admin gives a person a role; the change is stored with who, when, before and after", async ({ page, signInAs }) => {
  const admin = await signInAs("ADMIN");
  const person = await createUser("REQUESTER", "future.reviewer");

  await page.goto("/home");
  await expect(page).toHaveURL(/\/admin\/users$/);
  await page.getByLabel("Name or email").fill(person.email);
  await page.getByRole("button", { name: "Show" }).click();
  const row = page.getByRole("row").filter({ hasText: person.email });
  await row.getByLabel(`Role of ${person.name}`).selectOption({ label: "WMDE reviewer" });
  await row.getByRole("button", { name: /Change role/ }).click();
  await expect(row.getByRole("status")).toHaveText("Role changed.");
  expect(await roleOf(person.id)).toBe("WMDE_REVIEWER");

  const history = page.getByRole("table", { name: "Recent role changes" });
  await page.reload();
  const entry = history.getByRole("row").filter({ hasText: person.name });
  await expect(entry).toContainText(admin.name);
  await expect(entry).toContainText("Requester → WMDE reviewer");

  // The admin's own role cannot be changed from here.
  await page.getByLabel("Name or email").fill(admin.email);
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByRole("row").filter({ hasText: admin.email }).getByRole("combobox")).toBeDisabled();
});

test("a role change made meanwhile by someone else is not overwritten", async ({ page, signInAs }) => {
  await signInAs("ADMIN");
  const person = await createUser("REQUESTER", "contested");
  await page.goto(`/admin/users?q=${encodeURIComponent(person.email)}`);
  await testDb().query(`UPDATE "User" SET role = 'WMF_REVIEWER' WHERE id = $1`, [person.id]);

  const row = page.getByRole("row").filter({ hasText: person.email });
  await row.getByLabel(`Role of ${person.name}`).selectOption({ label: "Admin" });
  await row.getByRole("button", { name: /Change role/ }).click();
  await expect(page.getByText("Someone else changed this person's role")).toBeVisible();
  expect(await roleOf(person.id)).toBe("WMF_REVIEWER");
});
