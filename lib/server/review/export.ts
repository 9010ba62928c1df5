import "server-only";

import { audit } from "@/lib/audit";
import { db } from "@/lib/db";
import { CSV_BOM, csvLine } from "@/lib/domain/csv";
import { NotFoundError } from "@/lib/domain/errors";
import { queueExportCells, queueExportFilename, queueExportHeader } from "@/lib/domain/review/export";
import type { TQueueParams } from "@/lib/domain/review/queue";
import { canReview } from "@/lib/domain/roles";
import type { TTranslate } from "@/lib/i18n/translator";
import { log } from "@/lib/log";

import { now } from "../clock";
import type { TViewer } from "../session";

import { grantFollowUps } from "./check-ins";
import { queueBatches } from "./queue";

/**
 * A queue view as a CSV file, every matching request, streamed one batch at a time. An export
 * hands personal data (names, organisations) out of the app, so it is recorded in the audit trail
 * before the first row leaves, and logged when it ends (docs/decisions/008-reviewer-exports.md).
 */
export async function exportQueue(viewer: TViewer, params: TQueueParams, t: TTranslate, baseUrl: string) {
  if (!canReview(viewer.role)) throw new NotFoundError();
  const at = now();
  // The search words may name a person: the record says that there was a search, not what it was.
  const filters = {
    view: params.view,
    kind: params.kind,
    exception: params.exception,
    api: params.api,
    assignee: params.assignee,
    flagged: params.flagged,
    sort: params.sort,
  };
  const searched = Boolean(params.q);
  await audit(db(), { subject: "queue", id: params.view, actorId: viewer.id, action: "queue.exported", after: { ...filters, searched } });

  const batches = queueBatches(viewer, params);
  const context = { t, requestUrl: (id: string) => `${baseUrl}/review/${encodeURIComponent(id)}` };
  const encoder = new TextEncoder();
  const started = Date.now();
  let rows = 0;
  const finish = (outcome: "done" | "cancelled" | "failed", error?: unknown) =>
    log[error ? "error" : "info"]("queue.exported", {
      outcome,
      userId: viewer.id,
      role: viewer.role,
      ...filters,
      searched,
      rows,
      ms: Date.now() - started,
      error: error instanceof Error ? error.message : error === undefined ? undefined : String(error),
    });

  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(CSV_BOM + csvLine(queueExportHeader(t))));
    },
    // One batch per pull: a slow download holds back the next query instead of piling rows up.
    async pull(controller) {
      try {
        const batch = await batches.next();
        if (batch.done) {
          finish("done");
          controller.close();
          return;
        }
        rows += batch.value.length;
        const followUps = await grantFollowUps(batch.value.map((row) => row.id));
        controller.enqueue(encoder.encode(batch.value.map((row) => csvLine(queueExportCells(row, context, followUps.get(row.id)))).join("")));
      } catch (error) {
        // The answer has begun: breaking the connection tells the browser the file is incomplete.
        finish("failed", error);
        controller.error(error);
      }
    },
    async cancel() {
      finish("cancelled");
      await batches.return(undefined);
    },
  });
  return { filename: queueExportFilename(params.view, at), body };
}
