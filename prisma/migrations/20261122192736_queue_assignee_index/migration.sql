-- DropIndex
DROP INDEX "Request_assigneeId_idx";

-- CreateIndex
CREATE INDEX "Request_assigneeId_status_submittedAt_id_idx" ON "Request"("assigneeId", "status", "submittedAt", "id");
