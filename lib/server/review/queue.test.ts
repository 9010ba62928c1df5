import assert from "node:assert/strict";
import { before, describe, it } from "node:test";

import { NotFoundError } from "@/lib/domain/errors";
import { queueExportHeader } from "@/lib/domain/review/export";
import { CLOSED_STATUSES, viewScope, ZQueueParams } from "@/lib/domain/review/queue";
import { messagesFor } from "@/lib/i18n/messages";
import { createTranslator } from "@/lib/i18n/translator";
import { parseCsv } from "@/test-support/csv";
import { withDataLayerDatabase } from "@/test-support/database";
import { moveStatus } from "@/test-support/status";

import type { TViewer } from "../session";

const database = withDataLayerDatabase();
const queue = database.module(() => import("./queue"));
const exports = database.module(() => import("./export"));

const wmf: TViewer = { id: "wmf", email: null, name: null, role: "WMF_REVIEWER" };
const wmde: TViewer = { id: "wmde", email: null, name: null, role: "WMDE_REVIEWER" };

describe("queue counts kept by the database", () => {
  it("follow every insert, status change, routing move and deletion, for each kind of reviewer", async () => {
    const requester = await database.db.user.create({ data: { email: "counts@example.org" } });
    const make = (status: "DRAFT" | "SUBMITTED" | "IN_REVIEW" | "GRANTED", joint: boolean) => ({ requesterId: requester.id, status, joint });
    await database.db.request.createMany({
      data: [make("DRAFT", false), make("SUBMITTED", false), make("SUBMITTED", true), make("IN_REVIEW", true), make("GRANTED", false), make("GRANTED", true)],
    });
    assert.deepEqual(await queue.queueCounts(wmf), { new: 2, in_review: 1, awaiting: 0, joint: 2, appeals: 0, decided: 2, confirm: 0 });
    assert.deepEqual(await queue.queueCounts(wmde), { new: 1, in_review: 1, awaiting: 0, joint: 2, appeals: 0, decided: 1, confirm: 0 });

    // One statement moving several rows, a routing move, and a deletion.
    await moveStatus(database.db, { status: "SUBMITTED" }, "AWAITING_REQUESTER");
    const granted = await database.db.request.findFirstOrThrow({ where: { status: "GRANTED", joint: false } });
    await database.db.request.update({ where: { id: granted.id }, data: { joint: true } });
    await database.db.request.deleteMany({ where: { status: "DRAFT" } });
    assert.deepEqual(await queue.queueCounts(wmf), { new: 0, in_review: 1, awaiting: 2, joint: 2, appeals: 0, decided: 2, confirm: 0 });
    assert.deepEqual(await queue.queueCounts(wmde), { new: 0, in_review: 1, awaiting: 1, joint: 2, appeals: 0, decided: 2, confirm: 0 });

    // The kept counts equal a fresh count of the table.
    const actual = await database.db.request.groupBy({ by: ["status", "joint"], _count: { _all: true } });
    const kept = await database.db.queueCount.findMany({ where: { n: { not: 0 } } });
    assert.deepEqual(
      kept.map((row) => `${row.status}/${row.joint}=${row.n}`).sort(),
      actual.map((row) => `${row.status}/${row.joint}=${row._count._all}`).sort(),
    );
  });
});

describe("queue pages", () => {
  const DAY = 86_400_000;
  const START = Date.UTC(2025, 0, 1);
  type TMade = {
    id: string;
    status: (typeof CLOSED_STATUSES)[number] | "SUBMITTED" | "DRAFT";
    joint: boolean;
    searchText: string;
    reference: string;
    submittedAt: Date;
    lastActivityAt: Date;
  };

  // 30 decided requests in pairs submitted at the same moment (so pages break inside a tie), a
  // few with rarer words, and open and draft requests that the decided view must leave out.
  const made: TMade[] = Array.from({ length: 34 }, (_, index) => ({
    id: `q${String(index).padStart(2, "0")}`,
    status: index < 30 ? CLOSED_STATUSES[index % CLOSED_STATUSES.length]! : index < 33 ? "SUBMITTED" : "DRAFT",
    joint: index % 3 === 0,
    searchText: ["Wikipedia articles", index % 5 === 0 ? "herpetology field guides" : "", index % 7 === 0 ? "a daily snapshot" : "snapshot taken daily"].join(
      " ",
    ),
    reference: `EA-2025-${String(index + 1).padStart(4, "0")}`,
    submittedAt: new Date(START + Math.floor(index / 2) * DAY),
    lastActivityAt: new Date(START + ((index * 7) % 34) * DAY),
  }));

  before(async () => {
    await database.db.request.deleteMany();
    const requester = await database.db.user.create({ data: { email: "pages@example.org" } });
    await database.db.request.createMany({ data: made.map((request) => ({ ...request, requesterId: requester.id })) });
  });

  /** The decided view as the viewer may see it, sorted as the queue sorts, in pages of 25. */
  function expected(matches: (request: TMade) => boolean, sort: "oldest" | "newest" | "activity", jointOnly = false) {
    const at = (request: TMade) => (sort === "activity" ? request.lastActivityAt : request.submittedAt).getTime();
    const sign = sort === "oldest" ? 1 : -1;
    return made
      .filter((request) => CLOSED_STATUSES.includes(request.status as never) && (!jointOnly || request.joint) && matches(request))
      .sort((a, b) => sign * (at(a) - at(b) || (a.id < b.id ? -1 : 1)))
      .map((request) => request.id);
  }

  async function allPages(viewer: TViewer, input: Record<string, string>) {
    const ids: string[] = [];
    let after: string | undefined;
    do {
      const page = await queue.listQueue(viewer, ZQueueParams.parse({ view: "decided", ...input, after }));
      assert.ok(page.rows.length <= queue.QUEUE_PAGE_SIZE);
      ids.push(...page.rows.map((row) => row.id));
      after = page.next;
    } while (after);
    return ids;
  }

  it("list a view in each sort order, page after page, ties broken by id", async () => {
    for (const sort of ["oldest", "newest", "activity"] as const) {
      const first = await queue.listQueue(wmf, ZQueueParams.parse({ view: "decided", sort }));
      assert.equal(first.rows.length, queue.QUEUE_PAGE_SIZE);
      assert.ok(first.next);
      assert.deepEqual(
        await allPages(wmf, { sort }),
        expected(() => true, sort),
        sort,
      );
    }
  });

  it("find words, phrases and references, and show WMDE reviewers only joint requests", async () => {
    const has = (word: string) => (request: TMade) => request.searchText.includes(word);
    assert.deepEqual(await allPages(wmf, { q: "herpetology" }), expected(has("herpetology"), "oldest"));
    assert.deepEqual(
      await allPages(wmf, { q: "wikipedia", sort: "newest" }),
      expected(() => true, "newest"),
    );
    assert.deepEqual(await allPages(wmf, { q: '"daily snapshot"' }), expected(has("daily snapshot"), "oldest"));
    assert.deepEqual(await allPages(wmf, { q: "ea-2025-0008" }), ["q07"]);
    assert.deepEqual(await allPages(wmf, { q: "xylophonist" }), []);
    assert.deepEqual(
      await allPages(wmde, {}),
      expected(() => true, "oldest", true),
    );
    assert.deepEqual(await allPages(wmde, { q: "herpetology", sort: "activity" }), expected(has("herpetology"), "activity", true));
  });

  it("come whole, batch after batch, for an export: the same rows in the same order as page after page", async () => {
    const batched = async (viewer: TViewer, input: Record<string, string>) => {
      const ids: string[] = [];
      for await (const batch of queue.queueBatches(viewer, ZQueueParams.parse({ view: "decided", ...input }), 7)) {
        assert.ok(batch.length <= 7);
        ids.push(...batch.map((row) => row.id));
      }
      return ids;
    };
    for (const sort of ["oldest", "newest", "activity"] as const) assert.deepEqual(await batched(wmf, { sort }), await allPages(wmf, { sort }), sort);
    assert.deepEqual(
      await batched(wmf, { q: "snapshot", sort: "newest" }),
      expected(() => true, "newest"),
    );
    assert.deepEqual(
      await batched(wmde, { q: "herpetology" }),
      expected((request) => request.searchText.includes("herpetology"), "oldest", true),
    );
    // From the first row, whatever page the reviewer was on.
    const second = (await queue.listQueue(wmf, ZQueueParams.parse({ view: "decided" }))).next;
    assert.deepEqual(
      await batched(wmf, { after: second ?? "" }),
      expected(() => true, "oldest"),
    );
  });

  it("export as CSV only to reviewers, each export recorded before any row leaves, without its search words", async () => {
    const t = createTranslator("en", messagesFor("en"));
    const reviewer = await database.db.user.create({ data: { email: "exporter@example.org", role: "WMDE_REVIEWER" } });
    const viewer: TViewer = { id: reviewer.id, email: reviewer.email, name: null, role: "WMDE_REVIEWER" };
    const { filename, body } = await exports.exportQueue(
      viewer,
      ZQueueParams.parse({ view: "decided", q: "herpetology", sort: "newest" }),
      t,
      "https://access.example.org",
    );
    assert.match(filename, /^exceptional-access-queue-decided-\d{4}-\d{2}-\d{2}\.csv$/);
    const audit = await database.db.auditEntry.findMany({ where: { actorId: reviewer.id } });
    assert.deepEqual(
      audit.map((entry) => [entry.action, entry.subjectType, entry.subjectId]),
      [["queue.exported", "queue", "decided"]],
    );
    assert.equal((audit[0]!.after as { searched: boolean }).searched, true);
    assert.doesNotMatch(JSON.stringify(audit), /herpetology/);

    const bytes = Buffer.from(await new Response(body).arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 with a byte order mark");
    const [header, ...rows] = parseCsv(bytes.subarray(3).toString("utf8"));
    assert.deepEqual(header, queueExportHeader(t));
    const link = header!.indexOf("Link");
    assert.deepEqual(
      rows.map((row) => row[link]),
      expected((request) => request.searchText.includes("herpetology"), "newest", true).map((id) => `https://access.example.org/review/${id}`),
    );

    const requester = await database.db.user.create({ data: { email: "not-a-reviewer@example.org" } });
    await assert.rejects(exports.exportQueue({ id: requester.id, email: null, name: null, role: "REQUESTER" }, ZQueueParams.parse({}), t, ""), NotFoundError);
    assert.equal(await database.db.auditEntry.count({ where: { actorId: requester.id } }), 0);
  });

  it("have a partial index for each view of several statuses, listing exactly its statuses", async () => {
    const indexes = await database.db.$queryRaw<{ name: string; predicate: string }[]>`
      SELECT c.relname::text AS name, pg_get_expr(i.indpred, i.indrelid) AS predicate
      FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
      WHERE i.indrelid = '"Request"'::regclass AND c.relname LIKE 'Request_queue_%'`;
    for (const view of ["joint", "decided"] as const) {
      const { statuses, jointOnly } = viewScope(view);
      const ours = indexes.filter((index) => index.name.startsWith(`Request_queue_${view}_`));
      assert.deepEqual(ours.map((index) => index.name).sort(), [`Request_queue_${view}_lastActivityAt_idx`, `Request_queue_${view}_submittedAt_idx`]);
      for (const { predicate } of ours) {
        assert.deepEqual([...predicate.matchAll(/'(\w+)'::"RequestStatus"/g)].map((match) => match[1]).sort(), [...statuses].sort(), predicate);
        assert.equal(/\bjoint\b/.test(predicate), jointOnly, predicate);
      }
    }
  });
});
