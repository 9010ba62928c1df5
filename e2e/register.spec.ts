// The public register: what anyone sees of consented grants, on the page, as JSON and as Atom.
import { randomUUID } from "node:crypto";

import type { Page } from "@playwright/test";

import { moveStatus, testDb } from "./support/database";
import { expect, expectAccessible, test } from "./support/fixtures";
import { createRequestIn, type TSubmitted } from "./support/requests";

const DAY = 86_400_000;
const tag = () => randomUUID().slice(0, 8);
const consent = (answers: { values: Record<string, string | string[]> }) => {
  answers.values.registerConsent = "on";
};

type TListed = {
  status?: string;
  expiresInDays?: number;
  endedDaysAgo?: number;
  endReason?: "MISUSE" | "REQUESTER_WISH";
  name: string;
  summary?: string;
  consented?: boolean;
};

/** A grant made an hour ago; with consent (the default) and an approved entry in the register. */
async function grantListed({
  status = "GRANTED",
  expiresInDays = 90,
  endedDaysAgo,
  endReason,
  name,
  summary = `What ${name} does with the data.`,
  consented = true,
}: TListed) {
  const ended = endedDaysAgo === undefined ? null : new Date(Date.now() - endedDaysAgo * DAY);
  return createRequestIn({
    status,
    expiresAt: new Date(Date.now() + expiresInDays * DAY),
    change: consented ? consent : () => {},
    decision: {
      decidedAt: new Date(Date.now() - 3_600_000),
      startsAt: new Date(Date.now() - 3_600_000),
      expiresAt: new Date(Date.now() + expiresInDays * DAY),
      apis: ["snapshot", "realtime"],
      publicName: consented ? name : null,
      publicSummary: consented ? summary : null,
      endedAt: ended,
      endReason: ended ? (endReason ?? "MISUSE") : null,
    },
  });
}

const entry = (page: Page, name: string) => page.getByRole("article", { name });

/** Everything that would name or reach the person behind a request. */
function personalData(grant: TSubmitted) {
  return [grant.requester.email, grant.requester.name, "Ada Lovelace", "ada@example.org", "ada-lab"];
}

test("the register lists consented grants with their approved entry, and nothing about the people who asked", async ({ page }) => {
  const id = tag();
  const listed = await grantListed({ name: `Lighthouse Reading Collective ${id}`, summary: `Offline reading for island schools ${id}.` });
  const unlisted = await grantListed({ name: `Unlisted ${id}`, consented: false });
  const erased = await grantListed({ name: `Erased Project ${id}` });
  await testDb().query(`UPDATE "User" SET email = NULL, name = NULL, "erasedAt" = now() WHERE id = $1`, [erased.requester.id]);

  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "Public register of grants" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Public register of exceptional access" })).toBeVisible();
  const article = entry(page, `Lighthouse Reading Collective ${id}`);
  await expect(article).toContainText(`Offline reading for island schools ${id}.`);
  await expect(article).toContainText("Active");
  await expect(article).toContainText("Snapshot API, Realtime API");
  await expect(article).toContainText(listed.reference);

  const html = await page.content();
  for (const text of [...personalData(listed), ...personalData(unlisted), unlisted.reference, erased.reference, `Erased Project ${id}`]) {
    expect(html, `the register shows ${text}`).not.toContain(text);
  }
  await expectAccessible(page);
});

test("withdrawn, given-up and expired grants show what happened to them, and the filter narrows the list", async ({ page }) => {
  const id = tag();
  const active = await grantListed({ name: `Active Atlas ${id}` });
  const withdrawn = await grantListed({ status: "WITHDRAWN", endedDaysAgo: 0, name: `Withdrawn Wiki Tool ${id}` });
  await grantListed({ status: "WITHDRAWN", endedDaysAgo: 0, endReason: "REQUESTER_WISH", name: `Given Up Glossary ${id}` });
  // Past its expiry, not yet recorded by the worker: expired all the same.
  await grantListed({ expiresInDays: -1, name: `Expired Explorer ${id}` });

  await page.goto("/register");
  await expect(entry(page, `Withdrawn Wiki Tool ${id}`)).toContainText("Withdrawn");
  await expect(entry(page, `Withdrawn Wiki Tool ${id}`)).toContainText("ended on");
  await expect(entry(page, `Withdrawn Wiki Tool ${id}`)).not.toContainText(/misuse/i);
  await expect(entry(page, `Given Up Glossary ${id}`)).toContainText("Given up by its holder");
  await expect(entry(page, `Expired Explorer ${id}`)).toContainText("Expired");

  await page.getByLabel("Show", { exact: true }).selectOption({ label: "Grants ended early" });
  await page.getByRole("button", { name: "Update the list" }).click();
  await expect(page).toHaveURL(/status=ended/);
  await expect(entry(page, `Withdrawn Wiki Tool ${id}`)).toBeVisible();
  await expect(entry(page, `Given Up Glossary ${id}`)).toBeVisible();
  await expect(entry(page, `Active Atlas ${id}`)).toHaveCount(0);
  await expect(entry(page, `Expired Explorer ${id}`)).toHaveCount(0);

  await page.goto(`/register?reference=${withdrawn.reference}`);
  await expect(page.getByText(`Showing grant ${withdrawn.reference} only.`)).toBeVisible();
  await expect(page.getByRole("article")).toHaveCount(1);

  await page.goto(`/register?status=active&reference=${withdrawn.reference}`);
  await expect(page.getByText("No grants match this choice.")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Show all grants" }).click();
  await expect(entry(page, `Active Atlas ${id}`)).toContainText(active.reference);
});

type TAtomEntry = { id: string; title: string; updated: string; published: string; link: string | null; summary: string; categories: string[] };
type TAtom = {
  error: string | null;
  root: string;
  namespace: string | null;
  id: string;
  title: string;
  updated: string;
  author: string;
  self: string | null;
  entries: TAtomEntry[];
};

/** The feed as the browser's own XML parser reads it: a malformed document says so here. */
async function parseAtom(page: Page, xml: string): Promise<TAtom> {
  return page.evaluate((text) => {
    const ATOM = "http://www.w3.org/2005/Atom";
    const document = new DOMParser().parseFromString(text, "application/xml");
    const child = (parent: Element, name: string) => Array.from(parent.children).find((element) => element.namespaceURI === ATOM && element.localName === name);
    const textOf = (parent: Element, name: string) => child(parent, name)?.textContent ?? "";
    const feed = document.documentElement;
    return {
      error: document.querySelector("parsererror")?.textContent ?? null,
      root: feed.localName,
      namespace: feed.namespaceURI,
      id: textOf(feed, "id"),
      title: textOf(feed, "title"),
      updated: textOf(feed, "updated"),
      author: child(feed, "author") ? textOf(child(feed, "author")!, "name") : "",
      self:
        Array.from(feed.children)
          .find((element) => element.localName === "link" && element.getAttribute("rel") === "self")
          ?.getAttribute("href") ?? null,
      entries: Array.from(feed.children)
        .filter((element) => element.localName === "entry")
        .map((entry) => ({
          id: textOf(entry, "id"),
          title: textOf(entry, "title"),
          updated: textOf(entry, "updated"),
          published: textOf(entry, "published"),
          link: child(entry, "link")?.getAttribute("href") ?? null,
          summary: textOf(entry, "summary"),
          categories: Array.from(entry.children)
            .filter((element) => element.localName === "category")
            .map((element) => element.getAttribute("term") ?? ""),
        })),
    };
  }, xml);
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

test("the JSON and the Atom feed carry the same entries, as valid documents", async ({ page, request }) => {
  const id = tag();
  const tricky = await grantListed({ name: `Maps & <Places> "Quoted" 'Lab' ${id}`, summary: `Tom & Jerry's <b>atlas</b> of ${id}\u0007.` });
  const withdrawn = await grantListed({ status: "WITHDRAWN", endedDaysAgo: 0, name: `Feed Withdrawn ${id}` });
  const unlisted = await grantListed({ name: `Feed Unlisted ${id}`, consented: false });

  const json = await request.get("/register.json");
  expect(json.status()).toBe(200);
  expect(json.headers()["content-type"]).toBe("application/json; charset=utf-8");
  expect(json.headers()["cache-control"]).toBe("public, max-age=300");
  expect(json.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(json.headers()["x-content-type-options"]).toBe("nosniff");
  const atom = await request.get("/register.atom");
  expect(atom.status()).toBe(200);
  expect(atom.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
  expect(atom.headers()["cache-control"]).toBe("public, max-age=300");
  expect(atom.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");

  type TGrant = { reference: string; name: string; summary: string; status: string; apis: string[]; updated: string; url: string };
  const data = (await json.json()) as { updated: string; links: { self: string; next: string | null }; grants: TGrant[] };
  const byReference = new Map(data.grants.map((grant) => [grant.reference, grant]));
  expect(byReference.get(tricky.reference)).toMatchObject({
    name: `Maps & <Places> "Quoted" 'Lab' ${id}`,
    summary: `Tom & Jerry's <b>atlas</b> of ${id}\u0007.`,
    status: "active",
    apis: ["snapshot", "realtime"],
  });
  expect(byReference.get(withdrawn.reference)?.status).toBe("withdrawn");
  expect(byReference.has(unlisted.reference)).toBe(false);
  for (const grant of data.grants) {
    expect(Object.keys(grant).sort()).toEqual([
      "apis",
      "contributionsDelivered",
      "endedOn",
      "expiresOn",
      "grantedOn",
      "name",
      "recordedFromEmail",
      "reference",
      "startsOn",
      "status",
      "summary",
      "updated",
      "url",
    ]);
  }
  const text = JSON.stringify(data);
  for (const value of [...personalData(tricky), ...personalData(unlisted)]) expect(text).not.toContain(value);

  await page.goto("/register");
  const feed = await parseAtom(page, await atom.text());
  expect(feed.error).toBeNull();
  expect([feed.root, feed.namespace]).toEqual(["feed", "http://www.w3.org/2005/Atom"]);
  expect(feed.id).toMatch(/^tag:localhost,2026:register$/);
  expect(feed.title).toBe("Public register of exceptional access");
  expect(feed.author).toBe("Wikimedia Foundation");
  expect(feed.self).toMatch(/\/register\.atom$/);
  expect(feed.updated).toMatch(RFC3339);
  const entryOf = (reference: string) => feed.entries.find((item) => item.id.endsWith(`:grant/${reference}`));
  // The control character cannot travel in XML at all; everything else arrives as written.
  expect(entryOf(tricky.reference)).toMatchObject({
    title: `Maps & <Places> "Quoted" 'Lab' ${id}`,
    summary: `Tom & Jerry's <b>atlas</b> of ${id}.`,
    categories: ["active", "snapshot", "realtime"],
  });
  expect(entryOf(withdrawn.reference)?.categories[0]).toBe("withdrawn");
  expect(entryOf(unlisted.reference)).toBeUndefined();
  for (const item of feed.entries) {
    expect(item.id).toMatch(/^tag:localhost,\d{4}-\d{2}-\d{2}:grant\/EA-\d{4}-\d{4,}$/);
    expect(item.updated).toMatch(RFC3339);
    expect(item.published).toMatch(RFC3339);
    expect(Date.parse(item.updated)).toBeLessThanOrEqual(Date.parse(feed.updated));
    expect(item.link).toMatch(/\/register\?reference=EA-/);
  }
  expect(new Set(feed.entries.map((item) => item.id)).size).toBe(feed.entries.length);

  // The same entries in the same order, as far as other tests adding grants meanwhile allow.
  await expect
    .poll(async () => {
      const [latestJson, latestAtom] = await Promise.all([
        request.get("/register.json").then((response) => response.json()),
        request.get("/register.atom").then((response) => response.text()),
      ]);
      const atomReferences = (await parseAtom(page, latestAtom)).entries.map((item) => item.id.split(":grant/")[1]);
      return {
        json: (latestJson as typeof data).grants.map((grant) => grant.reference),
        atom: atomReferences,
        same: JSON.stringify(atomReferences) === JSON.stringify((latestJson as typeof data).grants.map((grant) => grant.reference)),
      };
    })
    .toMatchObject({ same: true });

  // An entry keeps its id whatever happens to the grant.
  const before = entryOf(tricky.reference)!.id;
  await moveStatus(tricky.id, "WITHDRAWN");
  await testDb().query(`UPDATE "Decision" SET "endedAt" = now(), "endReason" = 'REQUESTER_WISH', "updatedAt" = now() WHERE "requestId" = $1`, [tricky.id]);
  const after = await parseAtom(page, await (await request.get("/register.atom")).text());
  const changed = after.entries.find((item) => item.id === before);
  expect(changed?.categories[0]).toBe("given_up");
  expect(Date.parse(changed!.updated)).toBeGreaterThan(Date.parse(entryOf(tricky.reference)!.updated));
});

test("the register's JSON and Atom carry no bidirectional control a reviewer's text held", async ({ request }) => {
  const id = tag();
  // Granted just now, so it heads the feed's newest page (the other tests' grants are an hour old).
  const grant = await createRequestIn({
    status: "GRANTED",
    expiresAt: new Date(Date.now() + 90 * DAY),
    change: consent,
    decision: {
      decidedAt: new Date(),
      startsAt: new Date(),
      expiresAt: new Date(Date.now() + 90 * DAY),
      apis: ["snapshot"],
      publicName: `Maps \u202Egnp.exe ${id}`,
      publicSummary: `Coverage \u2067reversed\u2069 ${id}.`,
      endedAt: null,
      endReason: null,
    },
  });
  const json = await (await request.get(`/register.json?reference=${grant.reference}`)).text();
  const atom = await (await request.get(`/register.atom`)).text();
  for (const [what, text] of [
    ["JSON", json],
    ["Atom", atom],
  ] as const) {
    expect(text, what).toContain(`Maps gnp.exe ${id}`);
    expect(text, what).toContain(`Coverage reversed ${id}.`);
    expect(/[\u202A-\u202E\u2066-\u2069]/.test(text), `${what} holds a bidirectional control`).toBe(false);
  }
});
