-- AlterTable
ALTER TABLE "Request" ADD COLUMN     "anonymisedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "erasedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Request_anonymisedAt_status_lastActivityAt_idx" ON "Request"("anonymisedAt", "status", "lastActivityAt");
