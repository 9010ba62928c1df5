import type { NextRequest } from "next/server";

import { queueParamsFrom, queueSearch } from "@/lib/domain/review/queue";
import { canReview } from "@/lib/domain/roles";
import { publicUrl } from "@/lib/env";
import { getI18n } from "@/lib/i18n/server";
import { exportQueue } from "@/lib/server/review/export";
import { requireRole } from "@/lib/server/session";

/**
 * The queue view of the query, with its filters, search and sort, as a CSV file of every matching
 * request (not one page). Read as the queue page reads it: a value it does not know is ignored.
 * Anyone who is not a reviewer gets 404; someone signed out signs in and comes back to the queue.
 */
export async function GET(request: NextRequest) {
  const params = queueParamsFrom(request.nextUrl.searchParams);
  const search = queueSearch({ ...params, after: undefined });
  const viewer = await requireRole(search ? `/review?${search}` : "/review", canReview);
  const { t } = await getI18n();
  const { filename, body } = await exportQueue(viewer, params, t, publicUrl());
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8; header=present",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
