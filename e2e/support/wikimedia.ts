// Wikimedia accounts on the stand-in for Meta-Wiki (e2e/support/wikimedia-stand-in.ts), and
// signing in with one through the real sign-in page and the stand-in's consent page.
import type { Page } from "@playwright/test";

import type { TStandInAccount } from "../../test-support/wikimedia-oauth";

import { wikimediaURL } from "./settings";

let count = 0;

/** Adds (or, with an existing `sub`, renames) an account on the stand-in: by default a confirmed, unblocked editor since 2012. */
export async function wikimediaAccount(overrides: Partial<TStandInAccount> = {}): Promise<TStandInAccount> {
  const id = `${Date.now() % 1e9}${process.pid % 1000}${++count}`;
  const account: TStandInAccount = {
    sub: id,
    username: `Editor ${id}`,
    editcount: 12345,
    confirmed_email: true,
    email: `wikimedian.${id}@example.org`,
    realname: "",
    blocked: false,
    registered: "20120304050607",
    groups: ["*", "user", "autoconfirmed"],
    rights: ["read", "edit"],
    ...overrides,
  };
  const response = await fetch(`${wikimediaURL}/__standin/accounts`, { method: "POST", body: JSON.stringify(account) });
  if (!response.ok) throw new Error(`The Wikimedia stand-in refused the account: ${response.status}`);
  return account;
}

/** From the sign-in page to the stand-in's consent page, as `username`, and back with the person's choice. */
export async function signInWithWikimedia(page: Page, username: string, choice: "Allow" | "Cancel" = "Allow") {
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in with Wikimedia" }).click();
  await page.getByRole("radio", { name: username, exact: true }).check();
  await page.getByRole("button", { name: choice }).click();
}
