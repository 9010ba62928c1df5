-- AlterEnum
ALTER TYPE "RequestStatus" ADD VALUE 'DECLINE_APPEALED';
ALTER TYPE "RequestStatus" ADD VALUE 'WITHDRAWAL_APPEALED';

-- CreateEnum
CREATE TYPE "AppealOutcome" AS ENUM ('UPHELD', 'OVERTURNED');

-- CreateTable
CREATE TABLE "Appeal" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "fromStatus" "RequestStatus" NOT NULL,
    "statement" TEXT NOT NULL,
    "additionalInformation" TEXT NOT NULL DEFAULT '',
    "appealedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "original" JSONB NOT NULL,
    "involvedIds" TEXT[],
    "outcome" "AppealOutcome",
    "reasons" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "Appeal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Appeal_requestId_key" ON "Appeal"("requestId");

-- CreateIndex
CREATE INDEX "Appeal_outcome_appealedAt_idx" ON "Appeal"("outcome", "appealedAt");

-- AddForeignKey
ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-kept below: only a decline or a withdrawal is appealed; an appeal is decided whole
-- (outcome, reasons, by whom, when) or not at all; and never by anyone who took part in the
-- decision appealed against, whatever writes it.
ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_from_decision" CHECK ("fromStatus" IN ('DECLINED', 'WITHDRAWN'));
ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_decided_whole" CHECK (
  ("outcome" IS NULL AND "reasons" IS NULL AND "decidedById" IS NULL AND "decidedAt" IS NULL)
  OR ("outcome" IS NOT NULL AND "reasons" IS NOT NULL AND "decidedById" IS NOT NULL AND "decidedAt" IS NOT NULL)
);
ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_decided_by_uninvolved" CHECK ("decidedById" IS NULL OR NOT ("decidedById" = ANY ("involvedIds")));
