import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { messagesFor } from "@/lib/i18n/messages";
import { createTranslator } from "@/lib/i18n/translator";

import { queueExportCells, queueExportFilename, queueExportHeader } from "./export";
import type { TQueueRow } from "./queue";

const t = createTranslator("en", messagesFor("en"));
const context = { t, requestUrl: (id: string) => `https://access.example.org/review/${id}` };

const row: TQueueRow = {
  id: "req1",
  reference: "EA-2026-0042",
  status: "EXPIRED",
  contactName: "Ada Lovelace",
  organisation: "Open Maps Lab",
  requesterKind: "nonprofit",
  exceptionType: "above_free_volume",
  purpose: "Maps of how articles grow, for a university course.",
  apis: ["snapshot", "realtime"],
  joint: true,
  imported: false,
  flags: [
    { id: "genai_without_ethics", severity: "red" },
    { id: "custom_development", severity: "warning" },
    { id: "open_ended_or_long", severity: "warning" },
    { id: "special_sister_projects", severity: "positive" },
  ],
  submittedAt: new Date("2026-01-05T09:30:12Z"),
  lastActivityAt: new Date("2026-02-01T17:04:59Z"),
  startsAt: new Date("2026-02-02T00:00:00Z"),
  expiresAt: new Date("2026-03-31T23:59:59.999Z"),
  assigneeName: "Grace Hopper",
  checkInOverdue: false,
  waitedDays: 3,
  pastTarget: null,
};

/** The export's cells of a row, by header. */
const byHeader = (cells: string[]) => Object.fromEntries(queueExportHeader(t).map((header, index) => [header, cells[index]]));

describe("the queue's CSV columns", () => {
  it("have a header from the message files for every cell", () => {
    const header = queueExportHeader(t);
    assert.equal(header.length, queueExportCells(row, context).length);
    assert.ok(
      header.every((text) => text && !text.startsWith("export-col-")),
      "every header has its message",
    );
    assert.deepEqual(header.slice(0, 3), ["Reference", "Status", "Submitted (UTC)"]);
  });

  it("say what the queue shows, in the reviewer's words", () => {
    const followUp = {
      lastCheckIn: { answeredAt: new Date("2026-03-01T10:15:00Z"), useCase: "winding_down" },
      contributions: { promised: 3, delivered: 1, dropped: 1 },
    };
    assert.deepEqual(byHeader(queueExportCells({ ...row, checkInOverdue: true }, context, followUp)), {
      Reference: "EA-2026-0042",
      Status: "Expired",
      "Submitted (UTC)": "2026-01-05 09:30",
      "Last activity (UTC)": "2026-02-01 17:04",
      "Requester kind": "A non-profit organisation",
      Organisation: "Open Maps Lab",
      "Contact person": "Ada Lovelace",
      "Joint review": "Yes",
      "Decided by email": "",
      "Red flags": "Generative AI, ethics not addressed",
      Warnings: "Needs custom development; No end date, or over a year",
      "Special considerations": "Wikimedia sister projects",
      "Assigned to": "Grace Hopper",
      Exception: "More than the free volume of requests or downloads",
      APIs: "Snapshot API (whole-project downloads); Realtime API (streams of changes)",
      "Access starts": "2026-02-02",
      "Access ends": "2026-03-31",
      "Check-in overdue": "Yes",
      "Last check-in answered (UTC)": "2026-03-01 10:15",
      "Use case at last check-in": "Winding down",
      "Contributions promised": "3",
      "Contributions delivered": "1",
      "Contributions dropped": "1",
      Link: "https://access.example.org/review/req1",
    });
  });

  it("leave out what a request does not have, and show values the form no longer offers as stored", () => {
    const cells = byHeader(
      queueExportCells(
        {
          ...row,
          status: "AWAITING_REQUESTER",
          organisation: null,
          requesterKind: "guild",
          exceptionType: null,
          apis: [],
          joint: false,
          flags: [{ id: "retired_flag", severity: "red" }],
          assigneeName: null,
        },
        context,
      ),
    );
    assert.equal(cells.Status, "Awaiting the requester");
    assert.equal(cells.Organisation, "");
    assert.equal(cells["Requester kind"], "guild");
    assert.equal(cells.Exception, "");
    assert.equal(cells.APIs, "");
    assert.equal(cells["Joint review"], "No");
    assert.equal(cells["Red flags"], "retired_flag");
    assert.equal(cells["Assigned to"], "");
    assert.equal(cells["Access starts"], "", "no grant: no start of access");
    assert.equal(cells["Access ends"], "", "no grant: no end of access");
  });

  it("show a grant's start and end only while it is granted or has expired, not once withdrawn", () => {
    const granted = byHeader(queueExportCells({ ...row, status: "GRANTED" }, context));
    assert.equal(granted["Access starts"], "2026-02-02");
    assert.equal(granted["Access ends"], "2026-03-31");
    const withdrawn = byHeader(queueExportCells({ ...row, status: "WITHDRAWN" }, context));
    assert.equal(withdrawn["Access starts"], "");
    assert.equal(withdrawn["Access ends"], "");
  });

  it("say a grant has not started yet, with its dates", () => {
    const cells = byHeader(queueExportCells({ ...row, status: "NOT_STARTED" }, context));
    assert.equal(cells.Status, "Granted, not started yet");
    assert.equal(cells["Access starts"], "2026-02-02");
    assert.equal(cells["Access ends"], "2026-03-31");
  });

  it("name the file after the view and the day", () => {
    assert.equal(queueExportFilename("in_review", new Date("2026-04-02T23:59:00Z")), "exceptional-access-queue-in-review-2026-04-02.csv");
  });
});
