// Requests no page would send, as an outside tester sends them: malformed ids and cursors, bodies
// over the limit, cross-origin posts and forwarded headers, other methods. Each gets its proper
// answer (404, a first page, 413, 403, 405), never a 500, and none changes anything.
import { request as httpRequest } from "node:http";

import { test as base, type APIRequestContext } from "@playwright/test";

import { createSession, createUser, testDb, uniqueEmail } from "./support/database";
import { expect, expectAccessible } from "./support/fixtures";
import { actionIdOf } from "./support/requests";
import { baseURL, E2E } from "./support/settings";

type TFixtures = { as: (role: "REQUESTER" | "ADMIN") => Promise<APIRequestContext> };

const test = base.extend<TFixtures>({
  as: async ({ playwright }, use) => {
    const clients: APIRequestContext[] = [];
    await use(async (role) => {
      const token = await createSession((await createUser(role)).id);
      const client = await playwright.request.newContext({
        baseURL,
        storageState: {
          cookies: [
            { name: "authjs.session-token", value: token, domain: "localhost", path: "/", expires: -1, httpOnly: true, secure: false, sameSite: "Lax" },
          ],
          origins: [],
        },
      });
      clients.push(client);
      return client;
    });
    for (const client of clients) await client.dispose();
  },
});

/** A cursor as the queue makes them, around an id holding a NUL character. */
const nulCursor = Buffer.from(JSON.stringify(["2026-01-01T00:00:00.000Z", "\u0000"])).toString("base64url");

test("a NUL or invalid UTF-8 in a path id answers the app's own not-found page", async ({ as, context, page }) => {
  const admin = await as("ADMIN");
  const requester = await as("REQUESTER");
  for (const [client, paths] of [
    [admin, ["/review/%00", "/review/%00/decide", "/review/%FF", "/review/%E0%A4%A", "/review/a%00b"]],
    [requester, ["/requests/%00", "/requests/%00/who", "/requests/%FF/check", "/requests/%C0%AF/cancel"]],
  ] as const) {
    for (const path of paths) {
      const response = await client.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(404);
      expect(await response.text(), path).toContain("Page not found");
    }
  }
  await context.addCookies([{ name: "authjs.session-token", value: await createSession((await createUser("ADMIN")).id), url: baseURL }]);
  await page.goto("/review/%00");
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expectAccessible(page);
});

test("a cursor or search that names nothing falls back to the first page", async ({ as }) => {
  const admin = await as("ADMIN");
  const requester = await as("REQUESTER");
  for (const [client, path, heading] of [
    [admin, "/review?after=%00", "Review queue"],
    [admin, `/review?view=decided&after=${nulCursor}`, "Review queue"],
    [admin, "/review?q=%00&q=twice", "Review queue"],
    [admin, `/review/export.csv?view=new&after=${nulCursor}&q=%00`, "Reference"],
    [admin, "/admin/users?after=%00", "People and roles"],
    [admin, "/admin/users?q=%00", "People and roles"],
    [admin, "/admin/users?q=a&q=b&role=ADMIN&role=x", "People and roles"],
    [admin, "/admin/emails?failed=%00&retrying=a&retrying=b", "Undelivered emails"],
    [requester, "/requests?after=%00", "Your requests"],
    [requester, "/requests?after=%FF&after=x", "Your requests"],
  ] as const) {
    const response = await client.get(path);
    expect(response.status(), path).toBe(200);
    expect(await response.text(), path).toContain(heading);
  }
});

test("PUT, DELETE and PATCH on pages answer 405 and say what is allowed", async ({ request }) => {
  for (const method of ["PUT", "DELETE", "PATCH"]) {
    for (const path of ["/", "/requests", "/review", "/signin"]) {
      const response = await request.fetch(path, { method, maxRedirects: 0 });
      expect(response.status(), `${method} ${path}`).toBe(405);
      expect(response.headers().allow).toBe("GET, HEAD, POST");
    }
  }
});

/** Posts the sign-in form's action as a script would, with these extra headers; the address gets a link only if the post went through. */
async function postSignIn(request: APIRequestContext, headers: Record<string, string>, extra: Record<string, string> = {}) {
  const email = uniqueEmail("hostile");
  const response = await request.post("/signin", {
    headers: { "Next-Action": actionIdOf("emailSignInAction"), ...headers },
    multipart: formOf({ _1_email: email, ...extra }),
    maxRedirects: 0,
  });
  const links = (await testDb().query<{ n: number }>(`SELECT count(*)::int AS n FROM "VerificationToken" WHERE identifier = $1`, [email])).rows[0]!.n;
  return { status: response.status(), links };
}

/** React's encoding of (previous state, form data): the fields, then argument 0 last, as the server reads the stream in order. */
function formOf(fields: Record<string, string>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append("0", JSON.stringify([{ status: "idle" }, "$K1"]));
  return form;
}

test("a post from another site is refused with 403, whatever X-Forwarded-Host claims", async ({ request }) => {
  expect(await postSignIn(request, { Origin: baseURL })).toEqual({ status: 200, links: 1 });
  expect(await postSignIn(request, {})).toEqual({ status: 200, links: 1 });
  const refused: Record<string, string>[] = [
    { Origin: "https://evil.example" },
    { Origin: "null" },
    { Origin: `http://localhost:${E2E.appPort + 1}` },
    { Origin: "https://evil.example", "X-Forwarded-Host": "evil.example" },
    { Origin: "https://evil.example", "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https", Forwarded: "host=evil.example" },
  ];
  for (const headers of refused) {
    expect(await postSignIn(request, headers), JSON.stringify(headers)).toEqual({ status: 403, links: 0 });
  }
});

test("a body over the limit answers 413, and one without a length 411", async ({ request }) => {
  expect(await postSignIn(request, { Origin: baseURL }, { _1_padding: "x".repeat(1024 * 1024) })).toEqual({ status: 413, links: 0 });
  const status = await new Promise<number>((resolve, reject) => {
    const post = httpRequest(`${baseURL}/signin`, { method: "POST", headers: { "Transfer-Encoding": "chunked", "Content-Type": "text/plain" } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    post.on("error", reject);
    post.end("hello");
  });
  expect(status).toBe(411);
});
