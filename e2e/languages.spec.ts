import type { Browser, Page } from "@playwright/test";

import type { TDraftAnswers } from "../lib/domain/request/sections";

import { createSession, createUser, testDb, uniqueEmail, type TTestUser } from "./support/database";
import { openDisclosure } from "./support/review";
import { expect, expectAccessible, test } from "./support/fixtures";
import { firstLink, waitForMail } from "./support/mailbox";
import { createSubmittedRequest } from "./support/requests";
import { baseURL } from "./support/settings";

async function setLanguage(userId: string, locale: string | null, lastLocale: string | null = null) {
  await testDb().query(`UPDATE "User" SET locale = $2, "lastLocale" = $3 WHERE id = $1`, [userId, locale, lastLocale]);
}

async function savedLanguage(userId: string) {
  const { rows } = await testDb().query<{ locale: string | null }>(`SELECT locale FROM "User" WHERE id = $1`, [userId]);
  return rows[0]?.locale;
}

/** A person in a browser of their own, signed in; `acceptLanguage` is what the browser asks for. */
async function personPage(browser: Browser, user: TTestUser, acceptLanguage = "en-GB") {
  const context = await browser.newContext({ baseURL, locale: acceptLanguage });
  await context.addCookies([{ name: "authjs.session-token", value: await createSession(user.id), url: baseURL }]);
  return context.newPage();
}

async function heading(page: Page) {
  return (await page.getByRole("heading", { level: 1 }).textContent())?.trim();
}

/**
 * Words of the English interface that German pages never need. Data typed by people is German in
 * these tests, or isolated as people's own words (dir="auto", such as a queue row's purpose), and
 * parts marked with another language (the menu's "English") are left out.
 */
const ENGLISH_WORDS =
  /\b(the|and|your|you|request|requests|review|reviewer|reviewers|grant|granted|declined?|assessments?|submitted|queue|flags?|routing|history|reason|criteria|criterion|message|save|sign|nobody|days?|back|take|joint|expiry|rationale|new|decided|awaiting|search|sort|clear|none|yes|met|problem|there|access|page|answers?|outcome|scope|dates?|from|with|for|only)\b/gi;

async function expectNoEnglish(page: Page) {
  const text = await page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    for (const element of body.querySelectorAll("script, style, template, noscript, [lang]:not([lang='de']), [dir='auto']")) element.remove();
    const attributes = [...document.querySelectorAll("[aria-label], [title], [placeholder], [alt]")].flatMap((element) =>
      ["aria-label", "title", "placeholder", "alt"].map((name) => element.getAttribute(name) ?? ""),
    );
    return [document.title, body.textContent ?? "", ...attributes].join("\n");
  });
  const leaks = [...text.matchAll(ENGLISH_WORDS)].map((match) =>
    text.slice(Math.max(0, match.index - 30), match.index + match[0].length + 30).replace(/\s+/g, " "),
  );
  expect(leaks, `English left on ${page.url()}`).toEqual([]);
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
}

/** Nothing of the page is wider than a small phone's screen, long German words included (tables and tabs scroll in their own frames). */
async function expectFitsPhone(page: Page) {
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: 320, height: 640 });
  const tooWide = await page.evaluate(() =>
    [...document.querySelectorAll("body *")]
      .filter((element) => element.getBoundingClientRect().right > innerWidth + 1 && !element.closest(".table-wrap, .tabs"))
      .map((element) => `${element.tagName.toLowerCase()}: ${(element.textContent ?? "").trim().slice(0, 60)}`),
  );
  expect(tooWide, `too wide for a phone on ${page.url()}`).toEqual([]);
  await page.setViewportSize(size);
}

/** A request whose answers are written in German, so that any English on the page is the interface's. */
function germanAnswers(answers: Required<TDraftAnswers>) {
  Object.assign(answers.who, { contactName: "Erika Mustermann", organisation: `Freies Wissen Lab ${Math.random().toString(36).slice(2, 6)}`, country: "CH" });
  Object.assign(answers.what, { purpose: "Eine Lese-App für Schulen, die ohne Internet funktioniert.", wikipediaLanguages: "de, sw, yo" });
  Object.assign(answers.need, {
    free_accountShortfall: "Das monatliche Kontingent ist nach einer Woche aufgebraucht.",
    cloud_servicesShortfall: "Unser Dienst läuft nicht dort.",
    public_apisShortfall: "Die Grenzen sind für unseren Verkehr zu niedrig.",
    needExplanation: "Unsere Leserinnen und Leser brauchen täglich aktuelle Artikel.",
  });
  Object.assign(answers.obligation, { contributionDescription: ["Ein jährlicher Bericht darüber, wie Schülerinnen und Schüler die Artikel nutzen."] });
  Object.assign(answers.mission, { missionExplanation: "Wir bringen freies Wissen in Klassenzimmer ohne Internet." });
  Object.assign(answers.values, { commitment: "Wir nennen jeden Artikel und verlinken ihn." });
}

test.describe("the language of a page", () => {
  test("?uselang=de shows that one view in German", async ({ page }) => {
    await page.goto("/?uselang=de");
    expect(await heading(page)).toBe("Ausnahmezugang zu Wikimedia Enterprise beantragen");
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await expect(page).toHaveTitle(/Enterprise-Ausnahmezugang/);
    await page.goto("/");
    expect(await heading(page)).toBe("Ask for exceptional access to Wikimedia Enterprise");
    await page.goto("/?uselang=xx-nonsense");
    expect(await heading(page)).toBe("Ask for exceptional access to Wikimedia Enterprise");
  });

  test("the browser's Accept-Language chooses German, when nothing else does", async ({ browser }) => {
    const german = await browser.newContext({ baseURL, locale: "de-AT" });
    const page = await german.newPage();
    await page.goto("/signin");
    expect(await heading(page)).toBe("Anmelden");
    await expectAccessible(page);
    await german.close();
    const french = await browser.newContext({ baseURL, locale: "fr-CH" });
    const other = await french.newPage();
    await other.goto("/signin");
    expect(await heading(other)).toBe("Sign in");
    await french.close();
  });

  test("a signed-in person's saved choice beats Accept-Language, and ?uselang= beats the saved choice", async ({ browser }) => {
    const requester = await createUser("REQUESTER");
    const page = await personPage(browser, requester, "de-DE");
    await page.goto("/requests");
    expect(await heading(page)).toBe("Ihre Anträge");

    await page.getByRole("form", { name: "Sprache" }).getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your requests");
    await expect(page).toHaveURL(/\/requests$/);
    // The whole page follows, the header and footer of the root layout included.
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("form", { name: "Language" }).getByRole("button", { name: "Deutsch" })).toBeVisible();
    await page.getByRole("navigation", { name: "Main" }).getByText("Account", { exact: true }).click();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Your data" })).toBeVisible();
    expect(await savedLanguage(requester.id)).toBe("en");

    // Another browser of the same person, asking for German, still gets the saved English.
    const elsewhere = await personPage(browser, requester, "de-DE");
    await elsewhere.goto("/requests");
    expect(await heading(elsewhere)).toBe("Your requests");
    await elsewhere.goto("/requests?uselang=de");
    expect(await heading(elsewhere)).toBe("Ihre Anträge");
    await elsewhere.goto("/requests");
    expect(await heading(elsewhere)).toBe("Your requests");

    // The account page saves the choice too, and can go back to following the browser.
    await page.goto("/account");
    await page.getByLabel("Deutsch").check();
    await page.getByRole("button", { name: "Save language" }).click();
    await expect(page.getByRole("status")).toHaveText("Ihre Sprache ist gespeichert.");
    expect(await savedLanguage(requester.id)).toBe("de");
    await expectAccessible(page);
    await page.getByLabel("Sprache meines Browsers").check();
    await page.getByRole("button", { name: "Sprache speichern" }).click();
    await expect.poll(() => savedLanguage(requester.id)).toBeNull();
    await expect(page.getByLabel("Sprache meines Browsers")).toBeChecked();
    await page.context().close();
    await elsewhere.context().close();
  });

  test("the language menu works without JavaScript, for someone not signed in", async ({ browser }) => {
    const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/signin?callbackUrl=%2Frequests");
    await page.getByRole("button", { name: "Deutsch" }).click();
    expect(await heading(page)).toBe("Anmelden");
    expect(new URL(page.url()).search).toBe("?callbackUrl=%2Frequests");
    await page.goto("/");
    expect(await heading(page)).toBe("Ausnahmezugang zu Wikimedia Enterprise beantragen");
    await expect(page.getByRole("form", { name: "Sprache" }).getByRole("button", { name: "English" })).toHaveAttribute("lang", "en");
    await context.close();
  });

  test("?uselang=qqx shows message keys, and only ?uselang= can ask for it", async ({ browser, page, signInAs }) => {
    await signInAs("WMF_REVIEWER");
    await page.goto("/review?uselang=qqx");
    expect(await heading(page)).toBe("(review-title)");
    await expect(page.getByText("(queue-age-days: ", { exact: false }).or(page.getByText("(queue-empty)"))).not.toHaveCount(0);
    await expect(page.locator("html")).toHaveAttribute("lang", "qqx");
    await expect(page.getByRole("form", { name: "(language-menu-title)" }).getByRole("button", { name: "qqx" })).toHaveCount(0);

    const context = await browser.newContext({ baseURL, locale: "qqx" });
    const asked = await context.newPage();
    await asked.goto("/");
    expect(await heading(asked)).toBe("Ask for exceptional access to Wikimedia Enterprise");
    await context.close();
  });
});

test.describe("a language for the requesters' pages only", () => {
  test("a reviewer who chose it gets it on requester pages, and the next full choice on reviewer pages, header included", async ({ browser }) => {
    const reviewer = await createUser("WMF_REVIEWER");
    await setLanguage(reviewer.id, "ar");
    const page = await personPage(browser, reviewer, "de-DE");
    await page.goto("/requests");
    await expect(page.locator("html")).toHaveAttribute("lang", "ar");
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    // The header was drawn in Arabic: its links to reviewer pages load whole pages, so the header follows.
    await page.locator('nav a[href="/review"]').click();
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Prüf-Warteschlange");
    await expect(page.getByText("العربية gibt es nur für die Seiten der Antragstellenden, daher werden diese Seiten auf Deutsch angezeigt.")).toBeVisible();
    await expectNoEnglish(page);
    await page.locator('nav a[href="/requests"]').click();
    await expect(page.locator("html")).toHaveAttribute("lang", "ar");
    await page.context().close();
  });
});

test.describe("emails in the reader's language", () => {
  test("a sign-in link asked for on a German page arrives in German", async ({ page }) => {
    const email = uniqueEmail("anmeldung");
    await page.goto("/signin?uselang=de");
    await page.getByLabel("E-Mail-Adresse").fill(email);
    await page.getByRole("button", { name: "Anmeldelink senden" }).click();
    const mail = await waitForMail(email);
    expect(mail.subject).toBe("Ihr Anmeldelink");
    expect(mail.text).toContain("Der Link funktioniert einmal und ist 60 Minuten gültig.");
    expect(mail.html).toContain('lang="de"');
  });

  test("a requester who chose German gets a reviewer's message in German; one who chose nothing, in English", async ({ browser }) => {
    const german = await createSubmittedRequest();
    await setLanguage(german.requester.id, "de");
    const english = await createSubmittedRequest();
    const reviewer = await createUser("WMF_REVIEWER");
    const review = await personPage(browser, reviewer);
    for (const request of [german, english]) {
      await review.goto(`/review/${request.id}`);
      await openDisclosure(review, "Add a comment or message");
      await review.getByLabel("The requester too (message, sent by email)").check();
      await review.getByLabel("Text", { exact: true }).fill("Bitte schicken Sie uns Ihren Projektplan.");
      await review.getByRole("button", { name: "Add", exact: true }).click();
      await expect(review.getByRole("status").filter({ hasText: "Added." })).toBeVisible();
    }
    const inGerman = await waitForMail(german.requester.email, /Nachricht/);
    expect(inGerman.subject).toBe(`Eine Nachricht zu Ihrem Antrag ${german.reference}`);
    expect(inGerman.text).toContain(`Die Prüfenden haben Ihnen zum Antrag ${german.reference} geschrieben:`);
    expect(inGerman.text).toContain("Ihren Antrag ansehen:");
    const inEnglish = await waitForMail(english.requester.email);
    expect(inEnglish.subject).toBe(`A message about your request ${english.reference}`);
    await review.context().close();
  });
});

test("a German-speaking reviewer works the queue to a grant in German, with no English left, and the requester reads it in German", async ({ browser }) => {
  test.setTimeout(120_000);
  const submitted = await createSubmittedRequest(germanAnswers);
  await testDb().query(`UPDATE "User" SET name = 'Erika Mustermann' WHERE id = $1`, [submitted.requester.id]);
  // The requester chose no language, but last used the German pages: their email follows those.
  await setLanguage(submitted.requester.id, null, "de");
  const reviewer = await createUser("WMF_REVIEWER", "pruefung");
  await testDb().query(`UPDATE "User" SET name = 'Erika Prüferin' WHERE id = $1`, [reviewer.id]);
  await setLanguage(reviewer.id, "de");
  const review = await personPage(browser, reviewer);

  // The queue, filtered to this request.
  await review.goto("/review");
  await expect(review.getByRole("heading", { level: 1 })).toHaveText("Prüf-Warteschlange");
  await review.getByLabel("Suche", { exact: true }).fill(submitted.reference);
  await review.getByLabel("Art der antragstellenden Person").selectOption({ label: "Eine gemeinnützige Organisation" });
  await review.getByRole("button", { name: "Anwenden" }).click();
  await expect(review.getByRole("row").filter({ hasText: submitted.reference })).toContainText("Eine gemeinnützige Organisation");
  await expectNoEnglish(review);
  await expectFitsPhone(review);
  await expectAccessible(review);

  // The request: take it, assess a criterion, and see the errors of a form in German.
  await review.getByRole("link", { name: submitted.reference }).click();
  await expect(review.getByRole("heading", { level: 1 })).toHaveText(`Prüfung von ${submitted.reference}`);
  await review.getByRole("button", { name: "Antrag übernehmen" }).click();
  await expect(review.getByText("Zuständig: Erika Prüferin")).toBeVisible();
  // No conflict of interest, declared in German before judging the request.
  const interest = review.getByRole("form", { name: "Haben Sie bei diesem Antrag einen Interessenkonflikt?" });
  await interest.getByLabel("Nein, ich habe keinen Interessenkonflikt").check();
  await interest.getByRole("button", { name: "Erklärung speichern" }).click();
  await expect(review.getByText(/^Sie haben am .* erklärt, keinen Interessenkonflikt zu haben\.$/)).toBeVisible();
  await openDisclosure(review, "„Wer“ bewerten");
  const who = review.getByRole("group", { name: "Ihre Bewertung von „Wer“" });
  await review.locator("form", { has: who }).getByRole("button", { name: "Bewertung speichern" }).click();
  await expect(review.getByRole("alert", { name: "Es gibt ein Problem" })).toContainText("Wählen Sie eine Bewertung");
  await who.getByLabel("Erfüllt", { exact: true }).check();
  await review.locator("form", { has: who }).getByRole("button", { name: "Bewertung speichern" }).click();
  const whoScore = review.getByRole("table", { name: "Bewertungen" }).getByRole("row", { name: /^Wer/ }).getByRole("cell").first();
  await expect(whoScore).toContainText("Erfüllt");
  await expect(whoScore).toContainText("Erika Prüferin");
  await expectNoEnglish(review);
  await expectFitsPhone(review);
  await expectAccessible(review);

  // The decision: a grant sent incomplete is explained in German, then made.
  await review.getByRole("link", { name: "Bewilligen oder ablehnen" }).click();
  await expect(review.getByRole("heading", { level: 1 })).toHaveText(`Entscheidung über ${submitted.reference}`);
  const form = review.getByRole("form", { name: "Bewilligen oder ablehnen?" });
  await form.getByLabel("Zugang bewilligen", { exact: true }).check();
  await form.getByRole("button", { name: "Weiter" }).click();
  const problems = review.getByRole("alert", { name: "Es gibt ein Problem" });
  await expect(problems).toContainText("Kreuzen Sie mindestens ein Kriterium an, auf dem die Bewilligung beruht");
  await expect(review).toHaveTitle(/^Fehler: /);
  await expectNoEnglish(review);
  await expectFitsPhone(review);
  await expectAccessible(review);
  await form.getByRole("group", { name: "Snapshot API: wie oft" }).getByLabel("wöchentlich").check();
  await form.getByRole("group", { name: "Kriterien, auf denen die Bewilligung beruht" }).getByLabel("Bedarf").check();
  await form.getByLabel("Begründung (intern)", { exact: true }).fill("Klarer Bedarf über dem kostenlosen Volumen.");
  await form.getByLabel("Nachricht an die antragstellende Person").filter({ visible: true }).fill("Herzlichen Glückwunsch: Ihr Zugang ist eingerichtet.");
  await form.getByRole("button", { name: "Weiter" }).click();
  // The decision, checked in German before it is recorded.
  const check = review.getByRole("form", { name: "Entscheidung prüfen" });
  await expect(check).toContainText("Snapshot API: wie oftWöchentlich", { ignoreCase: true });
  await expectNoEnglish(review);
  await expectAccessible(review);
  await check.getByRole("button", { name: "Zugang bewilligen und E-Mail senden" }).click();
  await expect(review.getByRole("status").filter({ hasText: "Der Antrag ist bewilligt." })).toBeVisible();
  const decision = review.getByRole("region", { name: "Entscheidung" });
  await expect(decision).toContainText("Bewilligt von Erika Prüferin am");
  await expect(decision).toContainText("Snapshot API, wöchentlich");
  await expectNoEnglish(review);
  await expectFitsPhone(review);
  await expectAccessible(review);

  await review.goto("/review/dashboard");
  await expect(review.getByRole("heading", { level: 1 })).toHaveText("Übersicht");
  await expectNoEnglish(review);
  await expectFitsPhone(review);
  await expectAccessible(review);
  await review.context().close();

  // The requester's email is German: subject, scope and dates.
  const mail = await waitForMail(submitted.requester.email, /bewilligt/);
  expect(mail.subject).toBe(`Ihr Antrag ${submitted.reference} ist bewilligt`);
  expect(mail.text).toContain("Sie erhalten: Snapshot API, wöchentlich");
  expect(mail.text).toMatch(/Ihr Zugang gilt vom \d{1,2}\. \p{L}+ \d{4} bis einschließlich \d{1,2}\. \p{L}+ \d{4}\./u);
  expect(mail.text).toContain("Herzlichen Glückwunsch: Ihr Zugang ist eingerichtet.");

  // And the grant on their page, in German.
  const page = await personPage(browser, submitted.requester, "de-DE");
  await page.goto(firstLink(mail));
  await expect(page.getByRole("heading", { name: "Ihr Ausnahmezugang" })).toBeVisible();
  await expect(page.getByText("Ihr Antrag wurde bewilligt.")).toBeVisible();
  await expectNoEnglish(page);
  await expectFitsPhone(page);
  await expectAccessible(page);
  await page.context().close();
});

test("a requester answers a section in German, and its errors are German too", async ({ browser }) => {
  const requester = await createUser("REQUESTER", "antrag");
  await testDb().query(`UPDATE "User" SET name = 'Erika Mustermann' WHERE id = $1`, [requester.id]);
  const page = await personPage(browser, requester, "de-DE");
  await page.goto("/requests/new");
  await page.getByRole("button", { name: "Neuen Antrag stellen" }).click();
  await page.getByRole("link", { name: "Wer", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Wer");
  await page.getByLabel("Organisation", { exact: true }).fill("");
  await page.getByRole("button", { name: "Speichern und weiter" }).click();
  const problems = page.getByRole("alert", { name: "Es gibt ein Problem" });
  await expect(problems).toContainText("Wählen Sie aus, wer den Antrag stellt");
  await expect(page).toHaveTitle(/^Fehler: Wer – Enterprise-Ausnahmezugang$/);
  await expect(page.getByLabel("Land", { exact: true })).toContainText("Schweiz");
  await expectNoEnglish(page);
  await expectFitsPhone(page);
  await expectAccessible(page);
  await page.context().close();
});
