// Recording the email era against a real database: all of a file or nothing, nothing twice, no
// email, and only a grant still in force announced; afterwards the worker's sweeps treat the
// imported grants as their own without sending anything late.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { NotFoundError } from "@/lib/domain/errors";
import { importRecordSchema, type TImportRecord } from "@/lib/domain/import/record";
import { dayOf } from "@/lib/domain/time";
import { createViewer, withDataLayerDatabase } from "@/test-support/database";
import { TEST_BASE_URL as BASE_URL, dayFromToday as day } from "@/test-support/days";

const database = withDataLayerDatabase();
const imports = database.module(() => import("./imports"));
const sweeps = database.module(() => import("@/lib/jobs/sweeps"));

let count = 0;

/** A record as the form or a file's row gives it, checked by the import's own schema. */
function record(overrides: Record<string, string> = {}): TImportRecord {
  count += 1;
  const values = {
    externalId: `thread-${process.pid}-${Date.now()}-${count}`,
    requesterEmail: `imported.${process.pid}.${Date.now()}.${count}@example.org`,
    requesterName: "Ada Example",
    requesterKind: "nonprofit",
    organisation: "Wikimaps",
    enterpriseUsername: `wikimaps-${count}`,
    receivedOn: "2021-03-02",
    decidedOn: "2021-04-15",
    outcome: "granted",
    decidedBy: "Partnerships team",
    message: "Granted for two years.",
    apis: "snapshot",
    snapshotFrequency: "monthly",
    startsOn: "",
    expiresOn: day(200),
    registerConsent: "yes",
    publicName: "Wikimaps.space",
    publicSummary: "Historical maps linked to Wikidata.",
    who: "A volunteer project.",
    ...overrides,
  };
  const parsed = importRecordSchema(dayOf(new Date())).safeParse(values);
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
  return parsed.data;
}

async function endpointForEntitlements() {
  await database.db.webhookEndpoint.deleteMany();
  await database.db.webhookEndpoint.create({
    data: { url: "https://accounts.example.org/hooks", eventTypes: ["entitlement.changed", "grant.created"], secret: "whsec_dGVzdA==" },
  });
}

const byExternalId = (externalId: string) =>
  database.db.request.findUniqueOrThrow({
    where: { externalId },
    include: { decision: true, reminders: true, entitlementChanges: true, webhookEvents: true, requester: { select: { email: true, name: true } } },
  });

describe("importing requests from the email era", () => {
  it("records a grant in force, an expired grant and a decline as they ended, marked imported, with no email", async () => {
    await endpointForEntitlements();
    const admin = await createViewer(database.db, "ADMIN");
    const active = record({ expiresOn: day(10) });
    const expired = record({ receivedOn: "2019-05-01", decidedOn: "2019-06-01", expiresOn: "2020-06-01" });
    const declined = record({ outcome: "declined", apis: "", expiresOn: "", enterpriseUsername: "", registerConsent: "" });
    const emailsBefore = await database.db.outboxEmail.count();

    const outcome = await imports.importRequests(admin, [active, expired, declined]);
    assert.equal(outcome.created.length, 3);
    assert.deepEqual(outcome.alreadyImported, []);
    assert.equal(await database.db.outboxEmail.count(), emailsBefore, "nobody is emailed about the past");

    const granted = await byExternalId(active.externalId);
    assert.equal(granted.status, "GRANTED");
    assert.match(granted.reference ?? "", /^EA-2021-\d{4}$/, "numbered in the year it was received");
    assert.equal(granted.importedById, admin.id);
    assert.ok(granted.importedAt);
    assert.equal(dayOf(granted.submittedAt!), "2021-03-02");
    assert.equal(dayOf(granted.decidedAt!), "2021-04-15", "the trigger copies the decision's date");
    assert.equal(dayOf(granted.startsAt!), "2021-04-15", "the access starts on the decision day when no start is given");
    assert.equal(granted.decision?.deciderName, "Partnerships team");
    assert.equal(granted.decision?.publicName, "Wikimaps.space");
    assert.deepEqual(granted.importedAnswers, { who: "A volunteer project." });
    assert.equal(granted.requester.email, active.requesterEmail);
    assert.deepEqual(
      granted.reminders.map((reminder) => reminder.daysAhead),
      [30],
      "the 30-day reminder's day has passed: marked sent, never sent late",
    );
    assert.deepEqual(
      granted.entitlementChanges.map((change) => [change.username, change.endedAt]),
      [[active.enterpriseUsername, null]],
    );
    assert.deepEqual(
      granted.webhookEvents.map((event) => event.type),
      ["entitlement.changed"],
      "announced once, as an entitlement; no grant.created for a grant made years ago",
    );

    const ended = await byExternalId(expired.externalId);
    assert.equal(ended.status, "EXPIRED");
    assert.match(ended.reference ?? "", /^EA-2019-\d{4}$/);
    assert.equal(ended.entitlementChanges.at(-1)?.endReason, "expired");
    assert.deepEqual(ended.webhookEvents, [], "an ended grant is not news");

    const refused = await byExternalId(declined.externalId);
    assert.equal(refused.status, "DECLINED");
    assert.equal(refused.decision?.outcome, "DECLINED");
    assert.deepEqual(refused.entitlementChanges, []);
    assert.equal(refused.decision?.publicName, null);

    const history = await database.db.auditEntry.findMany({ where: { subjectId: granted.id }, select: { action: true, actorId: true } });
    assert.deepEqual(history, [{ action: "request.imported", actorId: admin.id }]);
  });

  it("adds nothing when the same records come again", async () => {
    const admin = await createViewer(database.db, "ADMIN");
    const records = [record(), record({ outcome: "declined", apis: "", expiresOn: "", registerConsent: "" })];
    await imports.importRequests(admin, records);
    const before = await database.db.request.count();
    const again = await imports.importRequests(admin, records);
    assert.deepEqual(again.created, []);
    assert.deepEqual(
      again.alreadyImported,
      records.map((each) => each.externalId),
    );
    assert.equal(await database.db.request.count(), before);
  });

  it("writes nothing at all when one record cannot be written", async () => {
    const admin = await createViewer(database.db, "ADMIN");
    const good = record();
    const broken = { ...record(), receivedOn: "not a day" };
    const before = await database.db.request.count();
    await assert.rejects(imports.importRequests(admin, [good, broken]));
    assert.equal(await database.db.request.count(), before);
    assert.equal(await database.db.user.count({ where: { email: good.requesterEmail } }), 0, "not even the first record's requester");
  });

  it("gives the requester their request: the account they have, or one made for the address", async () => {
    const admin = await createViewer(database.db, "ADMIN");
    const requester = await createViewer(database.db, "REQUESTER");
    const theirs = record({ requesterEmail: requester.email!.toUpperCase() });
    const someoneNew = record();
    await imports.importRequests(admin, [theirs, someoneNew]);
    assert.equal((await byExternalId(theirs.externalId)).requesterId, requester.id);
    const made = await database.db.user.findUniqueOrThrow({ where: { email: someoneNew.requesterEmail } });
    assert.equal(made.role, "REQUESTER");
    assert.equal(made.name, "Ada Example");
    assert.equal(await database.db.auditEntry.count({ where: { subjectId: made.id, action: "user.created", actorId: admin.id } }), 1);
  });

  it("is for admins only", async () => {
    for (const role of ["REQUESTER", "WMF_REVIEWER", "WMDE_REVIEWER"] as const) {
      const someone = await createViewer(database.db, role);
      const attempt = record();
      await assert.rejects(imports.importRequests(someone, [attempt]), NotFoundError);
      assert.equal(await database.db.request.count({ where: { externalId: attempt.externalId } }), 0);
    }
  });

  it("leaves the sweeps nothing to send late: no reminder, check-in or expiry email for the past, but expiry when its day comes", async () => {
    const admin = await createViewer(database.db, "ADMIN");
    // Expires in 20 days: its one check-in (30 days before expiry) and 30-day reminder are past.
    const soon = record({ expiresOn: day(20) });
    await imports.importRequests(admin, [soon]);
    const { id } = await byExternalId(soon.externalId);
    await sweeps.runSweeps(database.db, { now: new Date(), baseUrl: BASE_URL });
    assert.equal(await database.db.outboxEmail.count({ where: { requestId: id } }), 0);
    assert.equal(await database.db.checkIn.count({ where: { requestId: id } }), 0);

    // Thirteen days later the 7-day reminder is due like any grant's; after expiry, it expires.
    await sweeps.runSweeps(database.db, { now: new Date(Date.now() + 14 * 86_400_000), baseUrl: BASE_URL });
    assert.deepEqual(
      (await database.db.outboxEmail.findMany({ where: { requestId: id }, select: { kind: true } })).map((email) => email.kind),
      ["expiry_reminder"],
    );
    await sweeps.runSweeps(database.db, { now: new Date(Date.now() + 22 * 86_400_000), baseUrl: BASE_URL });
    assert.equal((await byExternalId(soon.externalId)).status, "EXPIRED");
  });

  it("keeps the email era's answers only as long as the retention rules keep any: an old decline is anonymised, prose and all", async () => {
    const admin = await createViewer(database.db, "ADMIN");
    const old = record({ outcome: "declined", apis: "", expiresOn: "", registerConsent: "", receivedOn: "2019-01-07", decidedOn: "2019-02-01" });
    await imports.importRequests(admin, [old]);
    assert.deepEqual((await byExternalId(old.externalId)).importedAnswers, { who: "A volunteer project." });
    await sweeps.runSweeps(database.db, { now: new Date(), baseUrl: BASE_URL, retentionDays: 730 });
    const after = await byExternalId(old.externalId);
    assert.ok(after.anonymisedAt, "retention counts from the decision, years ago");
    assert.equal(after.importedAnswers, null);
    assert.doesNotMatch(after.searchText, /volunteer/);
    assert.equal(after.status, "DECLINED", "the record of the decision stays, for the figures");
  });
});
