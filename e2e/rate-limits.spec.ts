import { uniqueEmail } from "./support/database";
import { expect, expectAccessible, test } from "./support/fixtures";

// Each email address may ask for 5 sign-in links an hour (lib/server/rate-limit.ts). The per-IP
// limit is set high for this run (playwright.config.ts) and tested in lib/server/rate-limit.test.ts.
const LINKS_PER_EMAIL = 5;

test("a person who asks for too many sign-in links is told when to try again", async ({ page }) => {
  const email = uniqueEmail("eager");
  for (let attempt = 0; attempt < LINKS_PER_EMAIL; attempt++) {
    await page.goto("/signin");
    await page.getByLabel("Email address").fill(email);
    await page.getByRole("button", { name: "Send me a sign-in link" }).click();
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  }

  await page.goto("/signin");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText(
    /Too many sign-in links were asked for this address\. Try again in \d+ minutes?\./,
  );
  await expect(page.getByLabel("Email address")).toHaveValue(email);
  await expectAccessible(page);
});

test("posting straight to Auth.js's sign-in endpoint is limited too: 429 with Retry-After", async ({ request }) => {
  const email = uniqueEmail("direct");
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const post = () => request.post("/api/auth/signin/nodemailer", { form: { email, csrfToken, callbackUrl: "/home" }, maxRedirects: 0 });

  for (let attempt = 0; attempt < LINKS_PER_EMAIL; attempt++) {
    const response = await post();
    expect(response.status(), await response.text()).toBe(302);
    expect(response.headers().location).toContain("/api/auth/verify-request");
  }

  const refused = await post();
  expect(refused.status()).toBe(429);
  const retryAfter = Number(refused.headers()["retry-after"]);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(3600);
  expect(await refused.text()).toContain("Too many sign-in links were asked for this address.");
});
