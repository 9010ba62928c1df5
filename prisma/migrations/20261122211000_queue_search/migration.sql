-- Hand-kept: partial indexes, which schema.prisma cannot express (listed in scripts/new-migration.ts
-- so that the migration check does not drop them).
--
-- The queue's views of several statuses (lib/domain/review/queue.ts: "decided" and "joint") as one
-- ordered range each, for each sort column. A page walks its view's range in order, and with a
-- search term the planner can choose between that walk and the GIN index on "searchVector", as
-- it does for the single-status views with the (status, sort column, id) indexes. The status lists
-- must match CLOSED_STATUSES and OPEN_STATUSES (lib/server/review/queue.test.ts checks).

-- Decided: "joint" last, so that a WMDE reviewer's walk skips other requests inside the index.
CREATE INDEX "Request_queue_decided_submittedAt_idx" ON "Request" ("submittedAt", "id", "joint")
  WHERE "status" IN ('GRANTED', 'DECLINED', 'CANCELLED', 'LAPSED', 'EXPIRED', 'WITHDRAWN');
CREATE INDEX "Request_queue_decided_lastActivityAt_idx" ON "Request" ("lastActivityAt", "id", "joint")
  WHERE "status" IN ('GRANTED', 'DECLINED', 'CANCELLED', 'LAPSED', 'EXPIRED', 'WITHDRAWN');

-- Joint: open requests in the joint WMF/WMDE queue.
CREATE INDEX "Request_queue_joint_submittedAt_idx" ON "Request" ("submittedAt", "id")
  WHERE "joint" AND "status" IN ('SUBMITTED', 'IN_REVIEW', 'AWAITING_REQUESTER');
CREATE INDEX "Request_queue_joint_lastActivityAt_idx" ON "Request" ("lastActivityAt", "id")
  WHERE "joint" AND "status" IN ('SUBMITTED', 'IN_REVIEW', 'AWAITING_REQUESTER');
