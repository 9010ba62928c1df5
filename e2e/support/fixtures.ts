import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";

import type { TRole } from "../../lib/domain/roles";

import { createSession, createUser, type TTestUser } from "./database";
import { baseURL } from "./settings";

type Fixtures = {
  /** Signs the page in as a new user with this role (its address starting with `prefix`), without going through the sign-in page. */
  signInAs: (role: TRole, prefix?: string) => Promise<TTestUser>;
  /** Fails a test whose pages used a message the server did not send them (lib/i18n/client-messages.ts). */
  messagesSent: undefined;
};

export const test = base.extend<Fixtures>({
  messagesSent: [
    async ({ context }, use) => {
      const missing: string[] = [];
      context.on("console", (message) => {
        if (message.type() === "error" && message.text().startsWith("Missing message")) missing.push(`${message.text()} (${message.page()?.url()})`);
      });
      await use(undefined);
      expect(missing, "messages the browser needed but was not sent").toEqual([]);
    },
    { auto: true },
  ],
  signInAs: async ({ context }, use) => {
    await use(async (role, prefix) => {
      const user = await createUser(role, prefix);
      const token = await createSession(user.id);
      await context.addCookies([{ name: "authjs.session-token", value: token, url: baseURL, httpOnly: true, sameSite: "Lax" }]);
      return user;
    });
  },
});

export { expect };

/** Fails with the list of problems if axe finds any WCAG 2.2 A/AA violation on the page as it is. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  const problems = results.violations.map(
    (violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join("; ")})`,
  );
  expect(problems, `accessibility problems on ${page.url()}`).toEqual([]);
}
