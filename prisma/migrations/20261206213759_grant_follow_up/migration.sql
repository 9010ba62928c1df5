-- CreateEnum
CREATE TYPE "ContributionStatus" AS ENUM ('PROMISED', 'IN_PROGRESS', 'DELIVERED', 'DROPPED');

-- AlterTable
ALTER TABLE "Decision" ADD COLUMN     "checkInMonths" INTEGER;

-- AlterTable
ALTER TABLE "Request" ADD COLUMN     "customDevelopmentDays" INTEGER;

-- CreateTable
CREATE TABLE "Contribution" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "link" TEXT,
    "expectedBy" TIMESTAMP(3),
    "status" "ContributionStatus" NOT NULL DEFAULT 'PROMISED',
    "deliveredLink" TEXT,
    "deliveredAt" TIMESTAMP(3),
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Contribution_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CheckIn" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "scheduledFor" TIMESTAMP(3) NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "reminderSentAt" TIMESTAMP(3),
    "missedAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "answeredAt" TIMESTAMP(3),
    "answeredById" TEXT,
    "useCase" TEXT,
    "usage" TEXT,
    "contributions" JSONB,
    "message" TEXT,
    "acknowledgedAt" TIMESTAMP(3),
    "acknowledgedById" TEXT,

    CONSTRAINT "CheckIn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UnitCost" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "validFrom" TIMESTAMP(3) NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UnitCost_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Contribution_status_idx" ON "Contribution"("status");

-- CreateIndex
CREATE UNIQUE INDEX "Contribution_requestId_position_key" ON "Contribution"("requestId", "position");

-- CreateIndex
CREATE INDEX "CheckIn_requestId_openedAt_idx" ON "CheckIn"("requestId", "openedAt");

-- CreateIndex
CREATE INDEX "CheckIn_answeredAt_cancelledAt_dueAt_idx" ON "CheckIn"("answeredAt", "cancelledAt", "dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "CheckIn_requestId_scheduledFor_key" ON "CheckIn"("requestId", "scheduledFor");

-- CreateIndex
CREATE UNIQUE INDEX "UnitCost_kind_validFrom_key" ON "UnitCost"("kind", "validFrom");

-- AddForeignKey
ALTER TABLE "Contribution" ADD CONSTRAINT "Contribution_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckIn" ADD CONSTRAINT "CheckIn_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckIn" ADD CONSTRAINT "CheckIn_answeredById_fkey" FOREIGN KEY ("answeredById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckIn" ADD CONSTRAINT "CheckIn_acknowledgedById_fkey" FOREIGN KEY ("acknowledgedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitCost" ADD CONSTRAINT "UnitCost_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A price is never negative, and check-in cadences and development estimates are whole, positive numbers.
ALTER TABLE "UnitCost" ADD CONSTRAINT "UnitCost_amount_check" CHECK ("amountCents" >= 0);
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_checkInMonths_check" CHECK ("checkInMonths" IS NULL OR "checkInMonths" > 0);
ALTER TABLE "Request" ADD CONSTRAINT "Request_customDevelopmentDays_check" CHECK ("customDevelopmentDays" IS NULL OR "customDevelopmentDays" >= 0);
