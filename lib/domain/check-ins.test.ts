import assert from "node:assert/strict";
import { describe, it } from "node:test";

import {
  checkInDays,
  checkInDueAt,
  dueCheckIn,
  firstCheckInDay,
  grantCheckIns,
  isOverdue,
  isShortGrant,
  reminderDue,
  storedCadence,
  type TGrantSchedule,
  ZCheckInCadence,
} from "./check-ins";
import { addDays, endOfDay, startOfDay } from "./time";

const grant = (startsOn: string, expiresOn: string, checkInMonths: number | null): TGrantSchedule => ({
  startsAt: startOfDay(startsOn),
  expiresAt: endOfDay(expiresOn),
  checkInMonths,
});

describe("the check-in schedule", () => {
  it("asks every 3, 6 or 12 months from the start, while the answer is due before the expiry", () => {
    assert.deepEqual(checkInDays(grant("2027-01-15", "2028-01-14", 3)), ["2027-04-15", "2027-07-15", "2027-10-15"]);
    assert.deepEqual(checkInDays(grant("2027-01-15", "2028-01-14", 6)), ["2027-07-15"]);
    assert.deepEqual(checkInDays(grant("2027-01-15", "2029-01-14", 6)), ["2027-07-15", "2028-01-15", "2028-07-15"]);
    assert.deepEqual(checkInDays(grant("2027-01-15", "2029-01-14", 12)), ["2028-01-15"]);
  });

  it("keeps a cadence check-in whose answer is due on the last day of the grant, and drops one due after it", () => {
    // Opened on 1 July, due at the end of 31 July: the grant still holds then.
    assert.deepEqual(checkInDays(grant("2027-01-01", "2027-07-31", 6)), ["2027-07-01"]);
    assert.deepEqual(checkInDays(grant("2027-01-01", "2027-07-30", 6)), ["2027-06-30"]);
  });

  it("asks once, 30 days before expiry, without a cadence or when the cadence gives nothing in time", () => {
    assert.deepEqual(checkInDays(grant("2027-01-15", "2028-01-14", null)), ["2027-12-15"]);
    assert.deepEqual(checkInDays(grant("2027-01-15", "2027-12-14", 12)), ["2027-11-14"]);
  });

  it("gives a grant of 6 months or less no cadence, whatever was stored", () => {
    assert.equal(isShortGrant("2027-01-15", "2027-07-15"), true);
    assert.equal(isShortGrant("2027-01-15", "2027-07-16"), false);
    assert.deepEqual(checkInDays(grant("2027-01-15", "2027-07-15", 3)), ["2027-06-15"]);
    assert.equal(storedCadence("2027-01-15", "2027-07-15", 3), null);
    assert.equal(storedCadence("2027-01-15", "2028-01-14", 3), 3);
    assert.equal(storedCadence("2027-01-15", "2028-01-14", null), null);
  });

  it("asks nothing of a grant shorter than 30 days", () => {
    assert.deepEqual(checkInDays(grant("2027-01-15", "2027-02-01", null)), []);
    assert.equal(firstCheckInDay(grant("2027-01-15", "2027-02-01", 6)), undefined);
  });

  it("is due 30 days after it opens, to the end of that day", () => {
    assert.equal(checkInDueAt("2027-07-15").toISOString(), "2027-08-14T23:59:59.999Z");
  });

  it("moves with an extension: the one before expiry follows the new expiry, a cadence goes on", () => {
    const before = grant("2027-01-15", "2028-01-14", null);
    const extended = { ...before, expiresAt: endOfDay("2028-07-14") };
    assert.deepEqual(checkInDays(extended), ["2028-06-14"]);
    assert.equal(dueCheckIn(before, startOfDay("2028-06-14")), undefined);
    assert.equal(dueCheckIn(extended, startOfDay("2028-06-14")), "2028-06-14");
    const cadence = grant("2027-01-15", "2028-01-14", 6);
    assert.deepEqual(checkInDays({ ...cadence, expiresAt: endOfDay("2029-01-14") }), ["2027-07-15", "2028-01-15", "2028-07-15"]);
  });
});

describe("the check-in to open, as the clock moves forward", () => {
  const schedule = grant("2027-01-15", "2028-01-14", 3);

  it("opens each day's check-in from that day until its answer is due, then none until the next", () => {
    assert.equal(dueCheckIn(schedule, new Date("2027-04-14T23:59:59Z")), undefined);
    assert.equal(dueCheckIn(schedule, startOfDay("2027-04-15")), "2027-04-15");
    assert.equal(dueCheckIn(schedule, new Date("2027-05-15T12:00:00Z")), "2027-04-15");
    assert.equal(dueCheckIn(schedule, startOfDay("2027-05-16")), undefined);
    assert.equal(dueCheckIn(schedule, startOfDay("2027-07-15")), "2027-07-15");
    assert.equal(dueCheckIn(schedule, startOfDay("2027-10-20")), "2027-10-15");
  });

  it("opens nothing once the grant has expired or ended", () => {
    const short = grant("2027-01-15", "2027-03-01", null);
    assert.equal(dueCheckIn(short, startOfDay("2027-01-31")), "2027-01-30");
    assert.equal(dueCheckIn(short, startOfDay("2027-03-02")), undefined);
    assert.equal(dueCheckIn({ ...schedule, endedAt: startOfDay("2027-04-01") }, startOfDay("2027-04-15")), undefined);
    assert.equal(dueCheckIn({ ...schedule, endedAt: startOfDay("2027-05-01") }, startOfDay("2027-04-15")), "2027-04-15");
  });
});

describe("an open check-in", () => {
  const dueAt = checkInDueAt("2027-04-15");
  const open = { dueAt, reminderSentAt: null, answeredAt: null, cancelledAt: null };

  it("is reminded once, from 7 days before it is due until it is due", () => {
    assert.equal(reminderDue(open, addDays(dueAt, -8)), false);
    assert.equal(reminderDue(open, addDays(dueAt, -7)), true);
    assert.equal(reminderDue(open, addDays(dueAt, -1)), true);
    assert.equal(reminderDue(open, dueAt), false);
    assert.equal(reminderDue({ ...open, reminderSentAt: addDays(dueAt, -7) }, addDays(dueAt, -6)), false);
    assert.equal(reminderDue({ ...open, answeredAt: addDays(dueAt, -9) }, addDays(dueAt, -6)), false);
  });

  it("is overdue once its due date has passed unanswered, unless its grant ended", () => {
    assert.equal(isOverdue(open, addDays(dueAt, -1)), false);
    assert.equal(isOverdue(open, dueAt), true);
    assert.equal(isOverdue({ ...open, answeredAt: addDays(dueAt, 2) }, addDays(dueAt, 3)), false);
    assert.equal(isOverdue({ ...open, cancelledAt: addDays(dueAt, 2) }, addDays(dueAt, 3)), false);
  });
});

describe("the cadence a decision form sends", () => {
  it("reads months or once before expiry, defaults to 6 months and refuses anything else", () => {
    assert.equal(ZCheckInCadence.parse("3"), 3);
    assert.equal(ZCheckInCadence.parse("expiry"), null);
    assert.equal(ZCheckInCadence.parse(undefined), 6);
    assert.equal(ZCheckInCadence.safeParse("5").success, false);
    assert.equal(ZCheckInCadence.safeParse("").success, false);
    assert.deepEqual(grantCheckIns({ startsOn: "2027-01-15", expiresOn: "2027-06-30", checkInMonths: 12 }), {
      checkInMonths: null,
      firstCheckInOn: "2027-05-31",
    });
    assert.deepEqual(grantCheckIns({ startsOn: "2027-01-15", expiresOn: "2028-01-14", checkInMonths: 6 }), { checkInMonths: 6, firstCheckInOn: "2027-07-15" });
  });
});
