-- CreateEnum
CREATE TYPE "DecisionOutcome" AS ENUM ('GRANTED', 'DECLINED');

-- CreateEnum
CREATE TYPE "WithdrawalReason" AS ENUM ('USE_CASE_ENDED', 'MISUSE', 'POLICY', 'REQUESTER_WISH');

-- CreateEnum
CREATE TYPE "Recommendation" AS ENUM ('GRANT', 'DECLINE');

-- CreateEnum
CREATE TYPE "HumanRightsOutcome" AS ENUM ('NO_CONCERNS', 'CONCERNS_MITIGATED', 'SERIOUS_CONCERNS');

-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN     "dispatchedAt" TIMESTAMP(3),
ADD COLUMN     "kind" TEXT;

-- AlterTable
ALTER TABLE "Request" ADD COLUMN     "basedOnId" TEXT,
ADD COLUMN     "expiresAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Decision" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "outcome" "DecisionOutcome" NOT NULL,
    "decidedById" TEXT NOT NULL,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "message" TEXT NOT NULL,
    "rationale" TEXT NOT NULL DEFAULT '',
    "criteria" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "apis" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "onDemandPerMonth" INTEGER,
    "snapshotFrequency" TEXT,
    "realtime" BOOLEAN NOT NULL DEFAULT false,
    "startsAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "lengthOverride" TEXT,
    "jointOverride" TEXT,
    "endedAt" TIMESTAMP(3),
    "endedById" TEXT,
    "endReason" "WithdrawalReason",
    "endNote" TEXT,

    CONSTRAINT "Decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WmdeRecommendation" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "recommendation" "Recommendation" NOT NULL,
    "note" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WmdeRecommendation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HumanRightsAssessment" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "assessedById" TEXT NOT NULL,
    "outcome" "HumanRightsOutcome" NOT NULL,
    "note" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HumanRightsAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExpiryReminder" (
    "requestId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "daysAhead" INTEGER NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExpiryReminder_pkey" PRIMARY KEY ("requestId","expiresAt","daysAhead")
);

-- CreateIndex
CREATE UNIQUE INDEX "Decision_requestId_key" ON "Decision"("requestId");

-- CreateIndex
CREATE INDEX "Decision_decidedAt_idx" ON "Decision"("decidedAt");

-- CreateIndex
CREATE UNIQUE INDEX "WmdeRecommendation_requestId_key" ON "WmdeRecommendation"("requestId");

-- CreateIndex
CREATE UNIQUE INDEX "HumanRightsAssessment_requestId_key" ON "HumanRightsAssessment"("requestId");

-- CreateIndex
CREATE INDEX "OutboxEmail_dispatchedAt_idx" ON "OutboxEmail"("dispatchedAt");

-- CreateIndex
CREATE INDEX "OutboxEmail_status_createdAt_idx" ON "OutboxEmail"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Request_status_expiresAt_idx" ON "Request"("status", "expiresAt");

-- CreateIndex
CREATE INDEX "Request_basedOnId_idx" ON "Request"("basedOnId");

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_basedOnId_fkey" FOREIGN KEY ("basedOnId") REFERENCES "Request"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_endedById_fkey" FOREIGN KEY ("endedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WmdeRecommendation" ADD CONSTRAINT "WmdeRecommendation_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WmdeRecommendation" ADD CONSTRAINT "WmdeRecommendation_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HumanRightsAssessment" ADD CONSTRAINT "HumanRightsAssessment_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HumanRightsAssessment" ADD CONSTRAINT "HumanRightsAssessment_assessedById_fkey" FOREIGN KEY ("assessedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExpiryReminder" ADD CONSTRAINT "ExpiryReminder_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;
