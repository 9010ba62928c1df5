// The browser policy (proxy.ts, next.config.js) on every page, and proof that the app runs under it.
// The tests run the production build (NODE_ENV=production) over plain http with APP_ENV=development,
// so the script policy is the production one and HSTS appears only behind TLS (X-Forwarded-Proto).
import type { Page } from "@playwright/test";

import { createSession, moveStatus, recordNoConflict, uniqueEmail } from "./support/database";
import { expect, test } from "./support/fixtures";
import { firstLink, waitForMail } from "./support/mailbox";
import { createSubmittedRequest } from "./support/requests";
import { baseURL, wikimediaURL } from "./support/settings";

const HSTS = "max-age=63072000; includeSubDomains";
const NONCE = /^'nonce-[A-Za-z0-9+/]{22}=='$/;

type THeaders = Record<string, string>;

function expectEveryResponseHeaders(headers: THeaders, where: string) {
  expect(headers["x-content-type-options"], where).toBe("nosniff");
  expect(headers["referrer-policy"], where).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"], where).toBe("DENY");
  const permissions = headers["permissions-policy"] ?? "";
  for (const feature of ["camera", "microphone", "geolocation", "payment", "usb", "interest-cohort", "browsing-topics"]) {
    expect(permissions, where).toContain(`${feature}=()`);
  }
}

function directives(policy: string | undefined): Map<string, string[]> {
  return new Map(
    (policy ?? "")
      .split(";")
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name!, values]),
  );
}

/** Checks a page's headers and that every script in its HTML carries the nonce of its policy. */
function expectPagePolicy(headers: THeaders, html: string, where: string) {
  expectEveryResponseHeaders(headers, where);
  const csp = directives(headers["content-security-policy"]);
  const nonce = csp.get("script-src")?.[1] ?? "";
  expect(nonce, `${where}: script-src has a nonce`).toMatch(NONCE);
  // Exact lists: no 'unsafe-inline', and no 'unsafe-eval' in a production build.
  expect(csp.get("script-src"), where).toEqual(["'self'", nonce, "'strict-dynamic'"]);
  expect(csp.get("style-src"), where).toEqual(["'self'", nonce]);
  expect(csp.get("default-src"), where).toEqual(["'self'"]);
  expect(csp.get("img-src"), where).toEqual(["'self'", "data:"]);
  expect(csp.get("connect-src"), where).toEqual(["'self'"]);
  // Forms may also lead to the wiki that signs Wikimedia accounts in (the run's stand-in).
  expect(csp.get("form-action"), where).toEqual(["'self'", new URL(wikimediaURL).origin]);
  expect(csp.get("frame-ancestors"), where).toEqual(["'none'"]);
  expect(csp.get("base-uri"), where).toEqual(["'none'"]);
  expect(csp.get("object-src"), where).toEqual(["'none'"]);

  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length, `${where}: the page has scripts`).toBeGreaterThan(0);
  const nonceValue = nonce.slice("'nonce-".length, -1);
  expect(
    scripts.filter((tag) => !tag.includes(`nonce="${nonceValue}"`)),
    `${where}: scripts without the nonce`,
  ).toEqual([]);
}

/**
 * Collects every Content Security Policy violation the browser reports on this page, from the
 * console and from `securitypolicyviolation` events, across navigations.
 */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/content security policy/i.test(message.text())) violations.push(message.text());
  });
  await page.exposeFunction("reportCspViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation;
      void report(`${event.effectiveDirective} refused ${event.blockedURI || "inline"} on ${event.documentURI} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  return violations;
}

/** Opens a page in the browser and checks its policy; then checks HSTS when the same page is served over TLS. */
async function visit(page: Page, path: string, { status = 200, landsOn = path }: { status?: number; landsOn?: string } = {}) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(status);
  expect(new URL(page.url()).pathname, `${path} stays put`).toBe(landsOn);
  const headers = await response!.allHeaders();
  expectPagePolicy(headers, await response!.text(), path);
  expect(headers["strict-transport-security"], `${path} over plain http in development`).toBeUndefined();

  const behindTls = await page.request.get(path, { headers: { "X-Forwarded-Proto": "https" }, maxRedirects: 0 });
  expect(behindTls.headers()["strict-transport-security"], `${path} behind TLS`).toBe(HSTS);
}

test("anonymous pages and the not-found page carry the whole policy, and load without a violation", async ({ page }) => {
  const violations = await watchViolations(page);
  for (const path of [
    "/",
    "/signin",
    "/signin/check-email",
    "/signin/error",
    "/dev/mailbox",
    "/register",
    "/register?status=ended",
    "/figures",
    "/figures?from=2026-02-30",
  ]) {
    await visit(page, path, { landsOn: path.split("?")[0] });
  }
  await visit(page, "/no-such-page", { status: 404 });
  expect(violations).toEqual([]);
});

test("requester pages of a draft, a submitted and a granted request carry the whole policy", async ({ page, context }) => {
  const violations = await watchViolations(page);
  const submitted = await createSubmittedRequest();
  const granted = await createSubmittedRequest();
  await moveStatus(granted.id, "GRANTED", `"expiresAt" = now() + interval '90 days', "requesterId" = $3`, [submitted.requester.id]);
  await context.addCookies([{ name: "authjs.session-token", value: await createSession(submitted.requester.id), url: baseURL }]);

  await visit(page, "/home", { landsOn: "/requests" });
  await visit(page, "/requests");
  await visit(page, "/requests/new");
  await page.getByRole("button", { name: "Start a new request" }).click();
  await expect(page.getByRole("heading", { name: "Your request for exceptional access" })).toBeVisible();
  const draft = new URL(page.url()).pathname;
  for (const path of [draft, `${draft}/who`, `${draft}/values`, `${draft}/check`, `${draft}/delete`]) await visit(page, path);
  for (const path of ["", "/submitted", "/cancel"]) await visit(page, `/requests/${submitted.id}${path}`);
  await visit(page, `/requests/${granted.id}/give-up`);
  expect(violations).toEqual([]);
});

test("reviewer pages carry the whole policy", async ({ page, signInAs }) => {
  const violations = await watchViolations(page);
  const request = await createSubmittedRequest();
  const reviewer = await signInAs("WMF_REVIEWER");
  // Declared no conflict of interest, so the decide page is theirs to open.
  await recordNoConflict(request.id, reviewer.id);
  for (const path of ["/review", `/review/${request.id}`, `/review/${request.id}/decide`, "/review/dashboard"]) await visit(page, path);
  expect(violations).toEqual([]);
});

test("admin pages carry the whole policy", async ({ page, signInAs }) => {
  const violations = await watchViolations(page);
  await signInAs("ADMIN");
  for (const path of ["/admin/users", "/admin/emails", "/admin/approvals", "/admin/conflicts", "/admin/targets"]) await visit(page, path);
  expect(violations).toEqual([]);
});

test("the API and static files carry the headers that need no nonce", async ({ request }) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expectEveryResponseHeaders(health.headers(), "/api/health");
  expect(health.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");

  const html = await (await request.get("/signin")).text();
  const assets = [...html.matchAll(/(?:src|href)="(\/_next\/static\/[^"]+)"/g)].map(([, path]) => path!);
  expect(assets.length).toBeGreaterThan(0);
  for (const path of [assets[0]!, "/icon.svg"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expectEveryResponseHeaders(response.headers(), path);
    expect(response.headers()["content-security-policy"], `${path} needs no policy of its own`).toBeUndefined();
  }

  // The public register as data and as a feed: documents of their own type, cacheable by anyone, that run nothing.
  for (const [path, type] of [
    ["/register.json", "application/json; charset=utf-8"],
    ["/register.atom", "application/atom+xml; charset=utf-8"],
  ] as const) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expectEveryResponseHeaders(response.headers(), path);
    expect(response.headers()["content-type"], path).toBe(type);
    expect(response.headers()["cache-control"], path).toBe("public, max-age=300");
    expect(response.headers()["content-security-policy"], path).toBe("default-src 'none'; frame-ancestors 'none'");
  }

  for (const path of ["/api/health", assets[0]!, "/icon.svg", "/register.atom"]) {
    const behindTls = await request.get(path, { headers: { "X-Forwarded-Proto": "https" } });
    expect(behindTls.headers()["strict-transport-security"], `${path} behind TLS`).toBe(HSTS);
  }
});

test("every response gets a fresh nonce", async ({ request }) => {
  const nonces = new Set<string>();
  for (let attempt = 0; attempt < 3; attempt++) {
    const policy = directives((await request.get("/signin")).headers()["content-security-policy"]);
    nonces.add(policy.get("script-src")?.[1] ?? "");
  }
  expect(nonces.size).toBe(3);
});

test("signing in by email and filling in a section run under the policy without a violation", async ({ page }) => {
  const violations = await watchViolations(page);
  const email = uniqueEmail("csp");
  await page.goto("/signin");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await page.goto(firstLink(await waitForMail(email, /sign-in link/)));
  await expect(page).toHaveURL(/\/requests$/);

  await page.getByRole("link", { name: "Start a new request" }).click();
  await page.getByRole("button", { name: "Start a new request" }).click();
  await page.getByRole("link", { name: "Who", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Who" })).toBeVisible();
  // The form's own script finds the problems before anything is sent.
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toBeFocused();
  await page.getByLabel("A non-profit organisation").check();
  await page.getByLabel("Contact person's full name").fill("Ada Lovelace");
  await page.getByLabel("Organisation", { exact: true }).fill("Open Maps Lab");
  await page.getByLabel("Enterprise API account username").fill("openmapslab");
  await page.getByLabel("Country").selectOption({ label: "Switzerland" });
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByRole("heading", { name: "Your request for exceptional access" })).toBeVisible();
  await expect(page.locator(".task-list__item").filter({ has: page.getByRole("link", { name: "Who", exact: true }) })).toContainText("Completed");

  expect(violations).toEqual([]);
});

test("a script slipped into a page is refused, and the refusal is reported", async ({ page }) => {
  const violations = await watchViolations(page);
  // As if some markup had escaped escaping: an inline script without the nonce, under the page's own policy.
  await page.route("/signin", async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace("</body>", "<script>document.body.dataset.injected = 'ran'</script></body>");
    await route.fulfill({ response, body });
  });
  await page.goto("/signin");
  await expect.poll(() => violations.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => document.body.dataset.injected)).toBeUndefined();
});
