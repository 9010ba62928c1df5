// Who may do what: every page, route handler and server action of the app, and what each persona
// should get from it. e2e/authorization.spec.ts turns every row into one test per persona and
// fails when the app has a page, route or action that is not listed here.
//
// The world the rows speak of (built by e2e/support/world.ts): requester A owns every request;
// requester B is another requester; the WMF and WMDE reviewers and the admin are staff. The self
// reviewer is a WMF reviewer who has asked for access too: wherever a row names a request, theirs
// is used, so each row also says what staff may do on a request of their own (only what its
// requester may). Paths and fields name A's requests (the self reviewer's own) by placeholder:
//   :draft      A's complete draft              :submitted  A's submitted, non-joint request
//   :inReview   A's request in review, taken by the WMF reviewer
//   :joint      A's submitted joint request     :granted    A's granted request (expiry 45 days ahead)
//   :awaiting   A's request waiting for A's answer to a reviewer's question
//   :proposed   A's request in review, with a grant the WMF reviewer proposed waiting for a second approver
//   :conflicted A's joint request in review, on which the WMF and WMDE reviewers have declared a
//               conflict of interest (the conflicted reviewer persona); the admin declared none
// The WMF and WMDE reviewers and the admin have declared no conflict on every other request.
//   :declined   A's request declined two days ago by the WMF reviewer (appealable)
//   :appealed   A's request declined by the WMF reviewer, and appealed by A
// In an action's fields: :id and :version are the target request's; :today and :today+N are dates
// (UTC); :userA, :userB, :self are user ids; :failedEmail is an email the worker gave up on;
// :conflict is the WMF reviewer's declared conflict on the target; :newEmail is an address nobody has used; :apiToken an API token in use; :webhook is a webhook
// endpoint (in paths too) and :webhookVersion its version; :failedDelivery one of its deliveries
// the worker gave up on; :approvalsVersion and :targetsVersion are the versions of the review policy's two parts; :checkIn and :answeredCheckIn are the target's open and answered check-ins
// (a granted request has both).
// Values outside that list are sent as written.

export const PERSONAS = ["anonymous", "requesterA", "requesterB", "wmfReviewer", "wmdeReviewer", "admin", "selfReviewer"] as const;
export type TPersona = (typeof PERSONAS)[number];

export const REQUEST_KINDS = ["draft", "submitted", "inReview", "joint", "granted", "awaiting", "proposed", "conflicted", "declined", "appealed"] as const;
export type TRequestKind = (typeof REQUEST_KINDS)[number];

/**
 * Pages and route handlers (fetched without following redirects):
 *   allow    200 (route handlers: any answer below 400)
 *   deny     404, as if the page did not exist
 *   signin   a redirect to /signin?callbackUrl=... that comes back here
 *   redirect a redirect elsewhere (where a signed-in person belongs), never to sign-in
 *   token    401 with WWW-Authenticate: Bearer: the API takes a token, never a session
 * Server actions (posted directly, past every page):
 *   allow    the action may do its work: the database changed (on a fresh copy of the target)
 *   deny     nothing changed in the database, whatever the answer (a 404, or 200 with an error
 *            message in the payload, or a redirect)
 * Everywhere: never a 5xx. n/a: not meaningful for this persona (the note says why).
 */
export type TPageOutcome = "allow" | "deny" | "signin" | "redirect" | "token" | "n/a";
export type TActionOutcome = "allow" | "deny" | "n/a";

type TExpect<T> = Record<TPersona, T>;

export type TPageRow = { kind: "page"; file: string; path: string; expect: TExpect<TPageOutcome>; note?: string };
/** "spare": the call is made with a second session of the persona's, so signing out spares the world's. */
type TSession = "spare";
export type TRouteRow = { kind: "route"; file: string; method: "GET" | "POST"; path: string; session?: TSession; expect: TExpect<TPageOutcome>; note?: string };
export type TActionRow = {
  kind: "action";
  file: string;
  name: string;
  /** Tells rows of the same action apart in test titles. */
  variant?: string;
  /** A page that uses the action; the post goes there. */
  page: string;
  /** The request the action is aimed at; an allowed call gets a fresh copy of it instead. */
  target?: TRequestKind;
  /** "state" for actions used with useActionState (previous state, form data); "form" for plain form actions. */
  encoding?: "state" | "form";
  session?: TSession;
  fields: Record<string, string>;
  expect: TExpect<TActionOutcome>;
  note?: string;
};
export type TMatrixRow = TPageRow | TRouteRow | TActionRow;

// Shorthands for the usual shapes; rows spell out anything unusual.
const everyone = <T>(outcome: T): TExpect<T> => ({
  anonymous: outcome,
  requesterA: outcome,
  requesterB: outcome,
  wmfReviewer: outcome,
  wmdeReviewer: outcome,
  admin: outcome,
  selfReviewer: outcome,
});
const signedIn: TExpect<TPageOutcome> = { ...everyone<TPageOutcome>("allow"), anonymous: "signin" };
/** The requester's own request: theirs only (the self reviewer's too, on theirs). Reviewers work on it from /review. */
const ownerOnlyPage: TExpect<TPageOutcome> = { ...everyone<TPageOutcome>("deny"), anonymous: "signin", requesterA: "allow", selfReviewer: "allow" };
/** Reviewers' pages that name no request: the queue, the dashboard. */
const reviewersPage: TExpect<TPageOutcome> = {
  anonymous: "signin",
  requesterA: "deny",
  requesterB: "deny",
  wmfReviewer: "allow",
  wmdeReviewer: "allow",
  admin: "allow",
  selfReviewer: "allow",
};
/** A request's reviewer page: never for its own requester, whatever their role. */
const reviewersRequestPage: TExpect<TPageOutcome> = { ...reviewersPage, selfReviewer: "deny" };
/** A non-joint request: WMF reviewers and admins; WMDE reviewers see joint requests only. */
const wmfPage: TExpect<TPageOutcome> = { ...reviewersRequestPage, wmdeReviewer: "deny" };
/** An import file of one declined request from the email era, the same in every run (its id makes a repeat add nothing). */
const IMPORT_FILE = [
  "external_id,requester_email,requester_name,requester_kind,organisation,enterprise_username,received_on,decided_on,outcome,decided_by,message,apis,on_demand_per_month,snapshot_frequency,starts_on,expires_on,register_consent,public_name,public_summary,answer_who,answer_what,answer_need,answer_obligation,answer_mission,answer_values",
  "authorization-matrix,matrix.import@example.org,,,,,2021-01-04,2021-02-01,declined,Matrix,,,,,,,,,,,,,,,",
  "",
].join("\r\n");

const adminPage: TExpect<TPageOutcome> = { ...everyone<TPageOutcome>("deny"), anonymous: "signin", admin: "allow" };

const ownerOnly: TExpect<TActionOutcome> = { ...everyone<TActionOutcome>("deny"), requesterA: "allow", selfReviewer: "allow" };
/** Review actions on a request: WMF reviewers and admins, never the request's own requester. */
const wmfOnly: TExpect<TActionOutcome> = { ...everyone<TActionOutcome>("deny"), wmfReviewer: "allow", admin: "allow" };
const adminOnly: TExpect<TActionOutcome> = { ...everyone<TActionOutcome>("deny"), admin: "allow" };
const nobody: TExpect<TActionOutcome> = everyone<TActionOutcome>("deny");
/** On the conflicted request: only the admin, who declared no conflict on it. */
const CONFLICTED_ONLY: TExpect<TActionOutcome> = { ...nobody, admin: "allow" };

/** Fields no form has, sent to see that the server ignores them. */
const FORGED = { status: "GRANTED", requesterId: ":userB", assigneeId: ":self", role: "ADMIN", decidedById: ":self", joint: "in" };

const REQUESTER_ACTIONS = "app/(requester)/requests/[id]/actions.ts";
const REVIEW_ACTIONS = "app/(review)/review/[id]/actions.ts";
const WEBHOOK_ACTIONS = "app/(admin)/admin/webhooks/actions.ts";

export const PAGES: TPageRow[] = [
  { kind: "page", file: "app/(public)/page.tsx", path: "/", expect: everyone("allow") },
  {
    kind: "page",
    file: "app/(public)/home/page.tsx",
    path: "/home",
    expect: { ...everyone<TPageOutcome>("redirect"), anonymous: "signin" },
    note: "sends each person to their role's landing page",
  },
  {
    kind: "page",
    file: "app/(public)/signin/page.tsx",
    path: "/signin",
    expect: { ...everyone<TPageOutcome>("redirect"), anonymous: "allow" },
    note: "signed in: on to /home",
  },
  { kind: "page", file: "app/(public)/signin/check-email/page.tsx", path: "/signin/check-email", expect: everyone("allow") },
  { kind: "page", file: "app/(public)/signin/error/page.tsx", path: "/signin/error", expect: everyone("allow") },
  {
    kind: "page",
    file: "app/(public)/register/page.tsx",
    path: "/register",
    expect: everyone("allow"),
    note: "public: consented grants only, no personal data",
  },
  { kind: "page", file: "app/(public)/figures/page.tsx", path: "/figures", expect: everyone("allow"), note: "public: totals only" },
  {
    kind: "page",
    file: "app/(public)/contact/confirm/page.tsx",
    path: "/contact/confirm?token=forged",
    expect: everyone("allow"),
    note: "where a contact confirmation link lands; a made-up token only learns the link does not work",
  },
  {
    kind: "page",
    file: "app/(public)/figures/page.tsx",
    path: "/figures?from=2026-02-30&to=never",
    expect: everyone("allow"),
    note: "wrong dates: the form with its messages, never a 500",
  },
  {
    kind: "page",
    file: "app/(requester)/requests/page.tsx",
    path: "/requests",
    expect: signedIn,
    note: "everyone may ask for access, staff included; each sees their own",
  },
  { kind: "page", file: "app/(requester)/requests/new/page.tsx", path: "/requests/new", expect: signedIn },
  { kind: "page", file: "app/(requester)/requests/[id]/page.tsx", path: "/requests/:submitted", expect: ownerOnlyPage },
  { kind: "page", file: "app/(requester)/requests/[id]/[section]/page.tsx", path: "/requests/:draft/who", expect: ownerOnlyPage },
  { kind: "page", file: "app/(requester)/requests/[id]/check/page.tsx", path: "/requests/:draft/check", expect: ownerOnlyPage },
  { kind: "page", file: "app/(requester)/requests/[id]/delete/page.tsx", path: "/requests/:draft/delete", expect: ownerOnlyPage },
  { kind: "page", file: "app/(requester)/requests/[id]/cancel/page.tsx", path: "/requests/:submitted/cancel", expect: ownerOnlyPage },
  { kind: "page", file: "app/(requester)/requests/[id]/give-up/page.tsx", path: "/requests/:granted/give-up", expect: ownerOnlyPage },
  { kind: "page", file: "app/(requester)/requests/[id]/appeal/page.tsx", path: "/requests/:declined/appeal", expect: ownerOnlyPage },
  { kind: "page", file: "app/(requester)/requests/[id]/check-in/page.tsx", path: "/requests/:granted/check-in", expect: ownerOnlyPage },
  { kind: "page", file: "app/(requester)/requests/[id]/submitted/page.tsx", path: "/requests/:submitted/submitted", expect: ownerOnlyPage },
  { kind: "page", file: "app/(requester)/account/page.tsx", path: "/account", expect: signedIn, note: "each person sees the data held about themselves" },
  {
    kind: "page",
    file: "app/(requester)/account/erase/page.tsx",
    path: "/account/erase",
    expect: signedIn,
    note: "staff and people with an open request see why they cannot erase",
  },
  {
    kind: "page",
    file: "app/(requester)/account/erased/page.tsx",
    path: "/account/erased",
    expect: everyone("allow"),
    note: "after an erasure the person is signed out",
  },
  { kind: "page", file: "app/(review)/review/page.tsx", path: "/review", expect: reviewersPage },
  { kind: "page", file: "app/(review)/review/dashboard/page.tsx", path: "/review/dashboard", expect: reviewersPage },
  { kind: "page", file: "app/(review)/review/[id]/page.tsx", path: "/review/:submitted", expect: wmfPage },
  { kind: "page", file: "app/(review)/review/[id]/page.tsx", path: "/review/:joint", expect: reviewersRequestPage, note: "joint: WMDE reviewers too" },
  {
    kind: "page",
    file: "app/(review)/review/[id]/page.tsx",
    path: "/review/:granted",
    expect: wmfPage,
    note: "a decided request: still never its own requester's",
  },
  {
    kind: "page",
    file: "app/(review)/review/[id]/page.tsx",
    path: "/review/:appealed",
    expect: wmfPage,
    note: "an appeal is read by every WMF reviewer; the WMF reviewer, who declined it, is told there why they may not decide it (e2e/appeals.spec.ts)",
  },
  {
    kind: "page",
    file: "app/(review)/review/[id]/page.tsx",
    path: "/review/:draft",
    expect: { ...reviewersRequestPage, wmfReviewer: "deny", wmdeReviewer: "deny", admin: "deny" },
    note: "nobody reviews a draft",
  },
  {
    kind: "page",
    file: "app/(review)/review/[id]/decide/page.tsx",
    path: "/review/:inReview/decide",
    expect: wmfPage,
    note: "WMF decides; WMDE recommends on the request's page",
  },
  { kind: "page", file: "app/(review)/review/[id]/decide/page.tsx", path: "/review/:joint/decide", expect: wmfPage, note: "joint: still WMF's decision" },
  { kind: "page", file: "app/(admin)/admin/users/page.tsx", path: "/admin/users", expect: adminPage },
  { kind: "page", file: "app/(admin)/admin/emails/page.tsx", path: "/admin/emails", expect: adminPage },
  { kind: "page", file: "app/(admin)/admin/tokens/page.tsx", path: "/admin/tokens", expect: adminPage },
  { kind: "page", file: "app/(admin)/admin/costs/page.tsx", path: "/admin/costs", expect: adminPage },
  { kind: "page", file: "app/(admin)/admin/imports/page.tsx", path: "/admin/imports", expect: adminPage },
  { kind: "page", file: "app/(admin)/admin/approvals/page.tsx", path: "/admin/approvals", expect: adminPage },
  {
    kind: "page",
    file: "app/(review)/review/[id]/page.tsx",
    path: "/review/:proposed",
    expect: wmfPage,
    note: "its proposer sees the proposal and why it is not theirs to confirm",
  },
  {
    kind: "page",
    file: "app/(review)/review/[id]/page.tsx",
    path: "/review/:conflicted",
    expect: reviewersRequestPage,
    note: "shown to a reviewer with a conflict too, without its internal work and forms, saying why",
  },
  {
    kind: "page",
    file: "app/(review)/review/[id]/decide/page.tsx",
    path: "/review/:conflicted/decide",
    expect: { ...wmfPage, wmfReviewer: "redirect" },
    note: "a WMF reviewer with a conflict is sent back to the request's page, which says why",
  },
  { kind: "page", file: "app/(admin)/admin/conflicts/page.tsx", path: "/admin/conflicts", expect: adminPage },
  { kind: "page", file: "app/(admin)/admin/targets/page.tsx", path: "/admin/targets", expect: adminPage },
  { kind: "page", file: "app/(admin)/admin/webhooks/page.tsx", path: "/admin/webhooks", expect: adminPage },
  { kind: "page", file: "app/(admin)/admin/webhooks/[id]/page.tsx", path: "/admin/webhooks/:webhook", expect: adminPage },
  {
    kind: "page",
    file: "app/dev/mailbox/page.tsx",
    path: "/dev/mailbox",
    expect: everyone("allow"),
    note: "exists outside production only (404 there); the e2e run is APP_ENV=development with SMTP, so it lists nothing",
  },
];

export const ROUTES: TRouteRow[] = [
  { kind: "route", file: "app/api/health/route.ts", method: "GET", path: "/api/health", expect: everyone("allow") },
  {
    kind: "route",
    file: "app/api/v1/entitlements/route.ts",
    method: "GET",
    path: "/api/v1/entitlements",
    expect: everyone("token"),
    note: "for the Enterprise account system's token only: an admin's session opens nothing",
  },
  {
    kind: "route",
    file: "app/api/v1/entitlements/[username]/route.ts",
    method: "GET",
    path: "/api/v1/entitlements/ada-lab",
    expect: everyone("token"),
  },
  {
    kind: "route",
    file: "app/api/v1/openapi.json/route.ts",
    method: "GET",
    path: "/api/v1/openapi.json",
    expect: everyone("allow"),
    note: "public: how to call the API, no data",
  },
  {
    kind: "route",
    file: "app/api/auth/[...nextauth]/route.ts",
    method: "GET",
    path: "/api/auth/session",
    expect: everyone("allow"),
    note: "each caller gets only their own session",
  },
  {
    kind: "route",
    file: "app/(requester)/account/export/route.ts",
    method: "GET",
    path: "/account/export",
    expect: signedIn,
    note: "each caller downloads only their own data",
  },
  {
    kind: "route",
    file: "app/(public)/register.json/route.ts",
    method: "GET",
    path: "/register.json",
    expect: everyone("allow"),
    note: "the public register as data: the same for everyone",
  },
  {
    kind: "route",
    file: "app/(public)/register.atom/route.ts",
    method: "GET",
    path: "/register.atom",
    expect: everyone("allow"),
    note: "the public register as an Atom feed",
  },
  {
    kind: "route",
    file: "app/(review)/review/export.csv/route.ts",
    method: "GET",
    path: "/review/export.csv?view=new&sort=newest",
    expect: reviewersPage,
    note: "signed out: to sign-in, then back to the queue; what each reviewer's file holds is checked in e2e/authorization.spec.ts",
  },
  {
    kind: "route",
    file: "app/(review)/review/export.csv/route.ts",
    method: "GET",
    path: "/review/export.csv?view=everything&assignee=someone-else&after=forged",
    expect: reviewersPage,
    note: "a forged query falls back as the queue page does",
  },
  {
    kind: "route",
    file: "app/(admin)/admin/imports/template.csv/route.ts",
    method: "GET",
    path: "/admin/imports/template.csv",
    expect: adminPage,
    note: "the import's header row: admins only, as the page",
  },
  {
    kind: "route",
    file: "app/api/auth/[...nextauth]/route.ts",
    method: "POST",
    path: "/api/auth/signout",
    session: "spare",
    expect: everyone("deny"),
    note: "a cross-site sign-out without Auth.js's CSRF token: deny = every session still there",
  },
];

export const ACTIONS: TActionRow[] = [
  // Sign-in: for everyone, touching only the caller's own session or sign-in link.
  {
    kind: "action",
    file: "app/(public)/signin/actions.ts",
    name: "emailSignInAction",
    page: "/signin",
    fields: { email: ":newEmail" },
    expect: everyone("allow"),
    note: "writes a sign-in link for the address given, nothing else",
  },
  {
    kind: "action",
    file: "app/(public)/signin/actions.ts",
    name: "wikimediaSignInAction",
    page: "/signin",
    encoding: "form",
    fields: { callbackUrl: "/admin/users" },
    expect: everyone("n/a"),
    note: "only redirects to Wikimedia when it is configured (not in the e2e run); it writes nothing, so only the no-5xx rule is checked",
  },
  {
    kind: "action",
    file: "app/(public)/signin/actions.ts",
    name: "signOutAction",
    page: "/",
    session: "spare",
    fields: { sessionToken: "forged", userId: ":userA" },
    expect: { ...everyone<TActionOutcome>("allow"), anonymous: "deny" },
    note: "ends the caller's own session only (the spec signs out a spare session); anonymous has none to end",
  },

  {
    kind: "action",
    file: "app/(public)/language/actions.ts",
    name: "chooseLanguageAction",
    page: "/",
    encoding: "form",
    fields: { locale: "en", returnTo: "/", userId: ":userB" },
    expect: { ...everyone<TActionOutcome>("allow"), anonymous: "deny" },
    note: "saves the caller's own language only (a forged userId is ignored); someone signed out gets a cookie, and the database is not touched",
  },

  // The requester's own requests: A only; B, reviewers and admins forge A's ids.
  {
    kind: "action",
    file: "app/(requester)/requests/new/actions.ts",
    name: "createDraftAction",
    page: "/requests/new",
    fields: { ...FORGED, requesterId: ":userA" },
    expect: { ...everyone<TActionOutcome>("allow"), anonymous: "deny" },
    note: "a draft of the caller's own; the spec checks a forged requesterId is ignored",
  },
  {
    kind: "action",
    file: REQUESTER_ACTIONS,
    name: "saveSectionAction",
    page: "/requests/:id/who",
    target: "draft",
    fields: { ...FORGED, requestId: ":id", version: ":version", section: "who", intent: "save", organisation: "Forged organisation" },
    expect: ownerOnly,
  },
  {
    kind: "action",
    file: REQUESTER_ACTIONS,
    name: "saveSectionAction",
    variant: "on a submitted request",
    page: "/requests/:id",
    target: "submitted",
    fields: { requestId: ":id", version: ":version", section: "who", intent: "save", organisation: "Forged" },
    expect: nobody,
    note: "answers are fixed once submitted",
  },
  {
    kind: "action",
    file: REQUESTER_ACTIONS,
    name: "saveSectionAction",
    variant: "with a stale version",
    page: "/requests/:id/who",
    target: "draft",
    fields: { requestId: ":id", version: "99", section: "who", intent: "save", organisation: "Forged" },
    expect: nobody,
  },
  {
    kind: "action",
    file: REQUESTER_ACTIONS,
    name: "submitRequestAction",
    page: "/requests/:id/check",
    target: "draft",
    fields: { ...FORGED, requestId: ":id", version: ":version" },
    expect: ownerOnly,
  },
  {
    kind: "action",
    file: REQUESTER_ACTIONS,
    name: "cancelRequestAction",
    page: "/requests/:id/cancel",
    target: "submitted",
    fields: { ...FORGED, requestId: ":id", version: ":version" },
    expect: ownerOnly,
  },
  {
    kind: "action",
    file: REQUESTER_ACTIONS,
    name: "cancelRequestAction",
    variant: "a granted request",
    page: "/requests/:id",
    target: "granted",
    fields: { requestId: ":id", version: ":version" },
    expect: nobody,
    note: "too late once decided",
  },
  {
    kind: "action",
    file: REQUESTER_ACTIONS,
    name: "deleteDraftAction",
    page: "/requests/:id/delete",
    target: "draft",
    fields: { ...FORGED, requestId: ":id", version: ":version" },
    expect: ownerOnly,
  },
  {
    kind: "action",
    file: REQUESTER_ACTIONS,
    name: "deleteDraftAction",
    variant: "a submitted request",
    page: "/requests/:id",
    target: "submitted",
    fields: { requestId: ":id", version: ":version" },
    expect: nobody,
  },
  {
    kind: "action",
    file: REQUESTER_ACTIONS,
    name: "answerInformationAction",
    page: "/requests/:id",
    target: "awaiting",
    fields: { ...FORGED, requestId: ":id", version: ":version", answer: "Forged answer" },
    expect: ownerOnly,
  },
  {
    kind: "action",
    file: REQUESTER_ACTIONS,
    name: "startFollowUpAction",
    page: "/requests/:id",
    target: "granted",
    fields: { ...FORGED, requestId: ":id", version: ":version" },
    expect: ownerOnly,
  },
  {
    kind: "action",
    file: REQUESTER_ACTIONS,
    name: "sendContactLinkAction",
    page: "/requests/:id",
    target: "draft",
    fields: { ...FORGED, requestId: ":id", version: ":version", email: ":newEmail" },
    expect: ownerOnly,
    note: "a link to the contact address in the request's own answers, never to one posted",
  },
  {
    kind: "action",
    file: "app/(public)/contact/confirm/actions.ts",
    name: "confirmContactAction",
    page: "/contact/confirm",
    fields: { token: "forged", userId: ":userA" },
    expect: nobody,
    note: "signed out too: only a token from a real link confirms (e2e/contact-address.spec.ts)",
  },
  {
    kind: "action",
    file: REQUESTER_ACTIONS,
    name: "giveUpGrantAction",
    page: "/requests/:id/give-up",
    target: "granted",
    fields: { ...FORGED, requestId: ":id", version: ":version", note: "Forged" },
    expect: ownerOnly,
  },
  {
    kind: "action",
    file: REQUESTER_ACTIONS,
    name: "appealDecisionAction",
    page: "/requests/:id/appeal",
    target: "declined",
    fields: {
      ...FORGED,
      requestId: ":id",
      version: ":version",
      statement: "Forged appeal",
      "addition-need": "Forged",
      additionalInformation: "Forged",
      fromStatus: "WITHDRAWN",
    },
    expect: ownerOnly,
    note: "only the request's own requester appeals: requester B, appealing A's request, is refused",
  },
  {
    kind: "action",
    file: REQUESTER_ACTIONS,
    name: "answerCheckInAction",
    page: "/requests/:id/check-in",
    target: "granted",
    fields: { ...FORGED, requestId: ":id", checkInId: ":checkIn", useCase: "active", usage: "about_all", message: "Forged", answeredById: ":userB" },
    expect: ownerOnly,
  },

  {
    kind: "action",
    file: "app/(requester)/account/actions.ts",
    name: "saveAccountNameAction",
    page: "/account",
    fields: { ...FORGED, userId: ":userB", name: "A forged name" },
    expect: { ...everyone<TActionOutcome>("allow"), anonymous: "deny" },
    note: "sets the caller's own name only (a forged userId is ignored), with its audit entry; anonymous has no account",
  },
  {
    kind: "action",
    file: "app/(requester)/account/actions.ts",
    name: "saveDigestAction",
    page: "/account",
    fields: { ...FORGED, userId: ":userB", digest: "WEEKLY" },
    expect: { ...everyone<TActionOutcome>("allow"), anonymous: "deny", requesterA: "deny", requesterB: "deny" },
    note: "sets the caller's own review digest only (a forged userId is ignored), with its audit entry; requesters get no digest",
  },
  {
    kind: "action",
    file: "app/(requester)/account/erase/actions.ts",
    name: "eraseMyDataAction",
    page: "/account/erase",
    fields: { ...FORGED, userId: ":userA", confirmEmail: ":newEmail" },
    expect: nobody,
    note: "erases the caller's own data only, once they type their own address; a real erasure (and its refusal with an open request) is in e2e/personal-data.spec.ts, as it would end a persona of this world",
  },

  // Review: WMF reviewers and admins on every submitted request, WMDE reviewers on joint ones.
  {
    kind: "action",
    file: REVIEW_ACTIONS,
    name: "takeRequestAction",
    page: "/review/:id",
    target: "submitted",
    fields: { ...FORGED, requestId: ":id", version: ":version" },
    expect: wmfOnly,
  },
  {
    kind: "action",
    file: REVIEW_ACTIONS,
    name: "takeRequestAction",
    variant: "a joint request",
    page: "/review/:id",
    target: "joint",
    fields: { requestId: ":id", version: ":version" },
    expect: { ...wmfOnly, wmdeReviewer: "allow" },
  },
  {
    kind: "action",
    file: REVIEW_ACTIONS,
    name: "takeRequestAction",
    variant: "a draft",
    page: "/review/:id",
    target: "draft",
    fields: { requestId: ":id", version: ":version" },
    expect: nobody,
    note: "drafts are the requester's alone",
  },
  {
    kind: "action",
    file: REVIEW_ACTIONS,
    name: "releaseRequestAction",
    page: "/review/:id",
    target: "inReview",
    fields: { ...FORGED, requestId: ":id", version: ":version" },
    expect: wmfOnly,
    note: "the assignee (the WMF reviewer) or an admin",
  },
  {
    kind: "action",
    file: REVIEW_ACTIONS,
    name: "moveJointAction",
    page: "/review/:id",
    target: "submitted",
    fields: { ...FORGED, requestId: ":id", version: ":version", joint: "in", reason: "Forged reason" },
    expect: wmfOnly,
  },
  {
    kind: "action",
    file: REVIEW_ACTIONS,
    name: "saveAssessmentAction",
    page: "/review/:id",
    target: "submitted",
    fields: { ...FORGED, requestId: ":id", criterion: "who", rating: "MET", note: "Forged", organisation: "WMDE" },
    expect: wmfOnly,
  },
  {
    kind: "action",
    file: REVIEW_ACTIONS,
    name: "saveAssessmentAction",
    variant: "a joint request",
    page: "/review/:id",
    target: "joint",
    fields: { requestId: ":id", criterion: "who", rating: "MET", note: "Forged" },
    expect: { ...wmfOnly, wmdeReviewer: "allow" },
  },
  {
    kind: "action",
    file: REVIEW_ACTIONS,
    name: "addCommentAction",
    page: "/review/:id",
    target: "submitted",
    fields: { ...FORGED, requestId: ":id", kind: "INTERNAL", body: "Forged comment" },
    expect: wmfOnly,
  },
  {
    kind: "action",
    file: REVIEW_ACTIONS,
    name: "acknowledgeCheckInAction",
    page: "/review/:id",
    target: "granted",
    fields: { ...FORGED, requestId: ":id", checkInId: ":answeredCheckIn", acknowledgedById: ":userB" },
    expect: wmfOnly,
  },
  {
    kind: "action",
    file: REVIEW_ACTIONS,
    name: "askForInformationAction",
    page: "/review/:id",
    target: "inReview",
    fields: { ...FORGED, requestId: ":id", version: ":version", question: "Forged question?", replyBy: ":today+14", sections: "who" },
    expect: wmfOnly,
  },
  {
    kind: "action",
    file: REVIEW_ACTIONS,
    name: "askForInformationAction",
    variant: "reply-by in the past",
    page: "/review/:id",
    target: "inReview",
    fields: { requestId: ":id", version: ":version", question: "Q?", replyBy: ":today-3", sections: "who" },
    expect: nobody,
  },
  {
    kind: "action",
    file: REVIEW_ACTIONS,
    name: "recordRecommendationAction",
    page: "/review/:id",
    target: "joint",
    fields: { ...FORGED, requestId: ":id", recommendation: "GRANT", note: "Forged recommendation" },
    expect: { ...nobody, wmdeReviewer: "allow" },
    note: "WMDE's word on a joint request: WMDE reviewers only",
  },
  {
    kind: "action",
    file: REVIEW_ACTIONS,
    name: "recordRecommendationAction",
    variant: "a non-joint request",
    page: "/review/:id",
    target: "submitted",
    fields: { requestId: ":id", recommendation: "GRANT", note: "Forged" },
    expect: nobody,
  },
  {
    kind: "action",
    file: REVIEW_ACTIONS,
    name: "recordHumanRightsAction",
    page: "/review/:id",
    target: "submitted",
    fields: { ...FORGED, requestId: ":id", outcome: "NO_CONCERNS", note: "Forged assessment" },
    expect: wmfOnly,
  },
  {
    kind: "action",
    file: REVIEW_ACTIONS,
    name: "decideAction",
    variant: "a grant",
    page: "/review/:id/decide",
    target: "inReview",
    fields: {
      ...FORGED,
      requestId: ":id",
      version: ":version",
      outcome: "grant",
      intent: "record",
      apis: "realtime",
      startsOn: ":today",
      expiresOn: ":today+180",
      criteria: "who",
      rationale: "Forged",
      message: "Forged grant",
    },
    expect: wmfOnly,
  },
  {
    kind: "action",
    file: REVIEW_ACTIONS,
    name: "decideAction",
    variant: "starting in the past",
    page: "/review/:id/decide",
    target: "inReview",
    fields: {
      requestId: ":id",
      version: ":version",
      outcome: "grant",
      intent: "record",
      apis: "realtime",
      startsOn: ":today-30",
      expiresOn: ":today+180",
      criteria: "who",
      rationale: "R",
      message: "M",
    },
    expect: nobody,
  },
  {
    kind: "action",
    file: REVIEW_ACTIONS,
    name: "decideAction",
    variant: "three years with a length reason",
    page: "/review/:id/decide",
    target: "inReview",
    fields: {
      requestId: ":id",
      version: ":version",
      outcome: "grant",
      intent: "record",
      apis: "realtime",
      startsOn: ":today",
      expiresOn: ":today+1100",
      lengthOverride: "Forged reason",
      criteria: "who",
      rationale: "R",
      message: "M",
    },
    expect: { ...nobody, admin: "allow" },
    note: "only an admin may give a reason for a grant over 24 months",
  },
  {
    kind: "action",
    file: REVIEW_ACTIONS,
    name: "decideAction",
    variant: "a submitted request not taken",
    page: "/review/:id/decide",
    target: "submitted",
    fields: {
      requestId: ":id",
      version: ":version",
      outcome: "grant",
      intent: "record",
      apis: "realtime",
      startsOn: ":today",
      expiresOn: ":today+180",
      criteria: "who",
      rationale: "R",
      message: "M",
    },
    expect: nobody,
  },
  {
    kind: "action",
    file: REVIEW_ACTIONS,
    name: "decideAction",
    variant: "a decline",
    page: "/review/:id/decide",
    target: "inReview",
    fields: {
      ...FORGED,
      requestId: ":id",
      version: ":version",
      outcome: "decline",
      intent: "record",
      declineCriteria: "who",
      declineRationale: "Forged",
      declineMessage: "Forged decline",
    },
    expect: wmfOnly,
  },
  {
    kind: "action",
    file: REVIEW_ACTIONS,
    name: "decideAction",
    variant: "while a proposed grant waits",
    page: "/review/:id/decide",
    target: "proposed",
    fields: {
      requestId: ":id",
      version: ":version",
      outcome: "decline",
      intent: "record",
      declineCriteria: "who",
      declineRationale: "R",
      declineMessage: "Declined behind the proposal's back",
    },
    expect: nobody,
    note: "a proposal holds the request until it is confirmed or sent back",
  },
  {
    kind: "action",
    file: REVIEW_ACTIONS,
    name: "confirmProposalAction",
    page: "/review/:id",
    target: "proposed",
    fields: { ...FORGED, requestId: ":id", version: ":version" },
    expect: { ...nobody, admin: "allow" },
    note: "the WMF reviewer proposed it: never theirs to confirm, even by a direct post; a second WMF reviewer or admin confirms",
  },
  {
    kind: "action",
    file: REVIEW_ACTIONS,
    name: "returnProposalAction",
    page: "/review/:id",
    target: "proposed",
    fields: { ...FORGED, requestId: ":id", version: ":version", note: "Forged note" },
    expect: { ...nobody, admin: "allow" },
    note: "nor theirs to send back",
  },
  {
    kind: "action",
    file: REVIEW_ACTIONS,
    name: "extendAction",
    page: "/review/:id",
    target: "granted",
    fields: { ...FORGED, requestId: ":id", version: ":version", expiresOn: ":today+300", message: "Forged extension" },
    expect: wmfOnly,
  },
  {
    kind: "action",
    file: REVIEW_ACTIONS,
    name: "extendAction",
    variant: "to a past date",
    page: "/review/:id",
    target: "granted",
    fields: { requestId: ":id", version: ":version", expiresOn: ":today-1", message: "M" },
    expect: nobody,
  },
  {
    kind: "action",
    file: REVIEW_ACTIONS,
    name: "withdrawAction",
    page: "/review/:id",
    target: "granted",
    fields: { ...FORGED, requestId: ":id", version: ":version", reason: "MISUSE", message: "Forged withdrawal" },
    expect: wmfOnly,
  },
  {
    kind: "action",
    file: REVIEW_ACTIONS,
    name: "decideAppealAction",
    page: "/review/:id",
    target: "appealed",
    fields: { ...FORGED, requestId: ":id", version: ":version", outcome: "overturn", reasons: "Forged reasons", involvedIds: "", decidedById: ":self" },
    expect: { ...wmfOnly, wmfReviewer: "deny" },
    note: "the WMF reviewer declined the request, so took part: refused even by a direct post; the admin took no part and may decide",
  },
  {
    kind: "action",
    file: REVIEW_ACTIONS,
    name: "estimateDevelopmentAction",
    page: "/review/:id",
    target: "submitted",
    fields: { ...FORGED, requestId: ":id", version: ":version", developmentDays: "12" },
    expect: wmfOnly,
    note: "development days value the grant: WMF's estimate",
  },
  {
    kind: "action",
    file: REVIEW_ACTIONS,
    name: "estimateDevelopmentAction",
    variant: "a negative estimate",
    page: "/review/:id",
    target: "granted",
    fields: { requestId: ":id", version: ":version", developmentDays: "-3" },
    expect: nobody,
  },

  // Administration.
  {
    kind: "action",
    file: "app/(admin)/admin/users/actions.ts",
    name: "changeRoleAction",
    page: "/admin/users",
    fields: { userId: ":userB", role: "ADMIN", expectedRole: "REQUESTER" },
    expect: adminOnly,
    note: "the classic forgery: making someone (or oneself) an admin",
  },
  {
    kind: "action",
    file: "app/(admin)/admin/users/actions.ts",
    name: "changeRoleAction",
    variant: "one's own role",
    page: "/admin/users",
    fields: { userId: ":self", role: "ADMIN", expectedRole: ":selfRole" },
    expect: nobody,
    note: "nobody changes their own role, admins included (for an admin it is a no-op)",
  },
  {
    kind: "action",
    file: "app/(admin)/admin/emails/actions.ts",
    name: "resendEmailAction",
    page: "/admin/emails",
    fields: { emailId: ":failedEmail" },
    expect: adminOnly,
  },
  {
    kind: "action",
    file: "app/(admin)/admin/tokens/actions.ts",
    name: "createApiTokenAction",
    page: "/admin/tokens",
    fields: { name: "Forged token" },
    expect: adminOnly,
    note: "a token reads every entitlement: only admins make one",
  },
  {
    kind: "action",
    file: "app/(admin)/admin/tokens/actions.ts",
    name: "revokeApiTokenAction",
    page: "/admin/tokens",
    fields: { tokenId: ":apiToken" },
    expect: adminOnly,
    note: "revoking cuts off the account system: only admins",
  },
  {
    kind: "action",
    file: REVIEW_ACTIONS,
    name: "declareInterestAction",
    page: "/review/:id",
    target: "inReview",
    fields: { ...FORGED, requestId: ":id", conflict: "yes", reason: "Forged reason", reviewerId: ":userB", hasConflict: "false" },
    expect: wmfOnly,
    note: "the world's staff declared no conflict, which may become one",
  },
  {
    kind: "action",
    file: REVIEW_ACTIONS,
    name: "declareInterestAction",
    variant: "a joint request",
    page: "/review/:id",
    target: "joint",
    fields: { requestId: ":id", conflict: "yes", reason: "Forged reason" },
    expect: { ...wmfOnly, wmdeReviewer: "allow" },
  },
  {
    kind: "action",
    file: REVIEW_ACTIONS,
    name: "declareInterestAction",
    variant: "declared already",
    page: "/review/:id",
    target: "conflicted",
    fields: { requestId: ":id", conflict: "no" },
    expect: nobody,
    note: "a conflict stays until an admin lifts it; no conflict cannot be declared twice",
  },
  {
    kind: "action",
    file: REVIEW_ACTIONS,
    name: "saveAssessmentAction",
    variant: "a conflicted reviewer",
    page: "/review/:id",
    target: "conflicted",
    fields: { requestId: ":id", criterion: "who", rating: "MET", note: "Forged" },
    expect: CONFLICTED_ONLY,
    note: "the WMF and WMDE reviewers declared a conflict",
  },
  {
    kind: "action",
    file: REVIEW_ACTIONS,
    name: "addCommentAction",
    variant: "a conflicted reviewer",
    page: "/review/:id",
    target: "conflicted",
    fields: { requestId: ":id", kind: "INTERNAL", body: "Forged comment" },
    expect: CONFLICTED_ONLY,
    note: "the WMF and WMDE reviewers declared a conflict",
  },
  {
    kind: "action",
    file: REVIEW_ACTIONS,
    name: "recordRecommendationAction",
    variant: "a conflicted reviewer",
    page: "/review/:id",
    target: "conflicted",
    fields: { requestId: ":id", recommendation: "GRANT", note: "Forged" },
    expect: nobody,
    note: "the WMDE reviewer declared a conflict",
  },
  {
    kind: "action",
    file: REVIEW_ACTIONS,
    name: "decideAction",
    variant: "a conflicted reviewer",
    page: "/review/:id/decide",
    target: "conflicted",
    fields: {
      requestId: ":id",
      version: ":version",
      outcome: "grant",
      intent: "record",
      apis: "realtime",
      startsOn: ":today",
      expiresOn: ":today+180",
      criteria: "who",
      rationale: "Forged",
      message: "Forged grant",
      jointOverride: "Forged reason to go ahead",
    },
    expect: CONFLICTED_ONLY,
    note: "the WMF reviewer declared a conflict",
  },
  {
    kind: "action",
    file: "app/(admin)/admin/conflicts/actions.ts",
    name: "liftConflictAction",
    page: "/admin/conflicts",
    target: "conflicted",
    fields: { ...FORGED, declarationId: ":conflict", reason: "Forged reason", liftedById: ":userB" },
    expect: adminOnly,
    note: "the WMF reviewer's conflict: only an admin lifts it",
  },
  {
    kind: "action",
    file: "app/(admin)/admin/conflicts/actions.ts",
    name: "liftConflictAction",
    variant: "without a reason",
    page: "/admin/conflicts",
    target: "conflicted",
    fields: { declarationId: ":conflict", reason: " " },
    expect: nobody,
  },
  {
    kind: "action",
    file: "app/(admin)/admin/costs/actions.ts",
    name: "addUnitCostAction",
    page: "/admin/costs",
    fields: { kind: "realtime_month", amount: "1", validFrom: ":today+400" },
    expect: adminOnly,
    note: "prices value every grant: only admins set them",
  },
  {
    kind: "action",
    file: "app/(admin)/admin/imports/actions.ts",
    name: "importFileAction",
    page: "/admin/imports",
    fields: { file: IMPORT_FILE },
    expect: adminOnly,
    note: "records requests as decided, with no email: only admins; a second run finds its row imported and adds nothing",
  },
  {
    kind: "action",
    file: "app/(admin)/admin/imports/actions.ts",
    name: "importRecordAction",
    page: "/admin/imports",
    fields: { requesterEmail: "matrix.record@example.org", receivedOn: "2021-01-04", decidedOn: "2021-02-01", outcome: "declined", decidedBy: "Matrix" },
    expect: adminOnly,
    note: "one request recorded as decided, with no email: only admins",
  },
  {
    kind: "action",
    file: "app/(admin)/admin/approvals/actions.ts",
    name: "saveApprovalPolicyAction",
    page: "/admin/approvals",
    fields: { version: ":approvalsVersion", rules: "longer_than_year", role: "ADMIN" },
    expect: adminOnly,
    note: "the rule the second-approver journey sets, so the two never disagree when they run side by side",
  },
  {
    kind: "action",
    file: "app/(admin)/admin/targets/actions.ts",
    name: "updateTargetsAction",
    page: "/admin/targets",
    fields: { firstActionDays: "10", decisionDays: "60", version: ":targetsVersion" },
    expect: adminOnly,
    note: "the targets mark requests late on every reviewer's queue and in the public figures: only admins set them",
  },
  {
    kind: "action",
    file: WEBHOOK_ACTIONS,
    name: "createWebhookAction",
    page: "/admin/webhooks",
    fields: { url: "https://receiver.invalid/new", description: "Forged", eventTypes: "grant.created" },
    expect: adminOnly,
    note: "a new endpoint would be sent every decision",
  },
  {
    kind: "action",
    file: WEBHOOK_ACTIONS,
    name: "updateWebhookAction",
    page: "/admin/webhooks/:webhook",
    fields: { endpointId: ":webhook", version: ":webhookVersion", url: "https://attacker.invalid/", eventTypes: "grant.created", enabled: "yes" },
    expect: adminOnly,
    note: "redirecting an endpoint would send its events elsewhere",
  },
  {
    kind: "action",
    file: WEBHOOK_ACTIONS,
    name: "rotateWebhookSecretAction",
    page: "/admin/webhooks/:webhook",
    fields: { endpointId: ":webhook", version: ":webhookVersion" },
    expect: adminOnly,
    note: "the answer carries the new secret: nobody else may have one made",
  },
  {
    kind: "action",
    file: WEBHOOK_ACTIONS,
    name: "sendWebhookTestAction",
    page: "/admin/webhooks/:webhook",
    fields: { endpointId: ":webhook" },
    expect: adminOnly,
  },
  {
    kind: "action",
    file: WEBHOOK_ACTIONS,
    name: "resendWebhookDeliveryAction",
    page: "/admin/webhooks/:webhook",
    fields: { deliveryId: ":failedDelivery" },
    expect: adminOnly,
  },
];

export const MATRIX: TMatrixRow[] = [...PAGES, ...ROUTES, ...ACTIONS];
