// The entitlements API from end to end: an admin makes a token in the UI (a missing name is
// explained first), sees it once, and the account system reads a granted request's entitlement
// with it; no token, a wrong one and a revoked one are refused alike.
import { randomUUID } from "node:crypto";

import { createApiToken, testDb } from "./support/database";
import { expect, expectAccessible, test } from "./support/fixtures";
import { createRequestIn } from "./support/requests";

const DAY_MS = 86_400_000;

/** A granted request of a new account, its decision written so the database records the entitlement. */
async function grantFor(username: string) {
  const expiresAt = new Date(Date.now() + 45 * DAY_MS);
  return createRequestIn({
    status: "GRANTED",
    expiresAt,
    change: (answers) => {
      answers.who.enterpriseUsername = username;
    },
    decision: { apis: ["snapshot"], startsAt: new Date(Date.now() - DAY_MS), expiresAt },
  });
}

test("an admin makes a token, sees it once, and the account system reads entitlements with it", async ({ page, signInAs, request }) => {
  await signInAs("ADMIN");
  await page.goto("/admin/tokens");
  await expect(page.getByRole("heading", { level: 1, name: "API tokens" })).toBeVisible();
  await expectAccessible(page);

  // A token without a name: the error summary links to the field.
  const create = page.getByRole("button", { name: "Create token" });
  await create.click();
  const summary = page.getByRole("alert", { name: "There is a problem" });
  await expect(summary).toBeFocused();
  await summary.getByRole("link", { name: "Enter a name for the token" }).click();
  const name = page.getByLabel("Name", { exact: true });
  await expect(name).toBeFocused();
  await expectAccessible(page);

  const tokenName = `Account system ${randomUUID().slice(0, 8)}`;
  await name.fill(tokenName);
  await create.click();
  await expect(page.getByRole("status").filter({ hasText: `Token “${tokenName}” created` })).toBeVisible();
  const token = (await page.getByTestId("new-token").textContent()) ?? "";
  expect(token).toMatch(/^eat_[A-Za-z0-9_-]{43}$/);
  expect(page.url()).not.toContain(token);
  await expect(name).toHaveValue("");
  const row = page.getByRole("row").filter({ hasText: tokenName });
  await expect(row).toContainText(token.slice(0, 12));
  await expect(row).toContainText("Never");
  await expectAccessible(page);

  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: tokenName })).toBeVisible();
  expect(await page.content()).not.toContain(token);
  expect(await page.content()).not.toContain(token.slice(12));

  const username = `e2e-${randomUUID().slice(0, 8)}`;
  const grant = await grantFor(username);
  const auth = { Authorization: `Bearer ${token}` };
  const one = await request.get(`/api/v1/entitlements/${username}`, { headers: auth });
  expect(one.status()).toBe(200);
  expect(one.headers()["cache-control"]).toBe("no-store");
  const body = (await one.json()) as { username: string; at: string; entitlements: { reference: string; state: string; scope: { snapshot: unknown } }[] };
  expect(body.username).toBe(username);
  expect(body.entitlements).toHaveLength(1);
  expect(body.entitlements[0]).toMatchObject({ reference: grant.reference, state: "active", scope: { snapshot: { frequency: null } } });

  const all = await request.get("/api/v1/entitlements", { headers: auth });
  expect(all.status()).toBe(200);
  const references = ((await all.json()) as { entitlements: { reference: string }[] }).entitlements.map((entitlement) => entitlement.reference);
  expect(references).toContain(grant.reference);

  const bad = await request.get("/api/v1/entitlements?at=yesterday", { headers: auth });
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toMatchObject({ error: "invalid_parameter" });

  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: tokenName })).not.toContainText("Never");
});

test("the API refuses a missing, wrong or revoked token with a bare 401", async ({ page, signInAs, request }) => {
  const refused = async (headers: Record<string, string>) => {
    const response = await request.get("/api/v1/entitlements", { headers });
    expect(response.status()).toBe(401);
    expect(response.headers()["www-authenticate"]).toBe("Bearer");
    expect(await response.text()).toBe("");
  };
  await refused({});
  await refused({ Authorization: "Bearer nonsense" });
  await refused({ Authorization: `Bearer eat_${"x".repeat(43)}` });

  const made = await createApiToken(`Leaked ${randomUUID().slice(0, 8)}`);
  const auth = { Authorization: `Bearer ${made.token}` };
  expect((await request.get("/api/v1/entitlements", { headers: auth })).status()).toBe(200);

  await signInAs("ADMIN");
  await page.goto("/admin/tokens");
  await page
    .getByRole("row")
    .filter({ hasText: made.token.slice(0, 12) })
    .getByRole("link", { name: /Revoke/ })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: /^Revoke the token/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Yes, revoke it" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The token is revoked." })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: made.token.slice(0, 12) })).toContainText(/by /);
  await expectAccessible(page);

  await refused(auth);
  const { rows } = await testDb().query(`SELECT count(*)::int AS n FROM "AuditEntry" WHERE "subjectId" = $1 AND action = 'api_token.revoked'`, [made.id]);
  expect(rows[0].n).toBe(1);
});

test("the API's description is public", async ({ request }) => {
  const response = await request.get("/api/v1/openapi.json");
  expect(response.status()).toBe(200);
  const document = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
  expect(document.openapi).toBe("3.1.0");
  expect(Object.keys(document.paths)).toEqual(["/api/v1/entitlements", "/api/v1/entitlements/{username}"]);
});

test("the tokens page does not exist for reviewers", async ({ page, signInAs }) => {
  await signInAs("WMF_REVIEWER");
  expect((await page.goto("/admin/tokens"))?.status()).toBe(404);
});
