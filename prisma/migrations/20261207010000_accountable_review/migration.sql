-- CreateEnum
CREATE TYPE "ProposalStatus" AS ENUM ('PENDING', 'CONFIRMED', 'RETURNED', 'CANCELLED');

-- AlterTable
ALTER TABLE "Request" ADD COLUMN     "firstActionAt" TIMESTAMP(3),
ADD COLUMN     "pausedSeconds" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "pausedSince" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Decision" ADD COLUMN     "confirmedAt" TIMESTAMP(3),
ADD COLUMN     "confirmedById" TEXT;

-- CreateTable
CREATE TABLE "ReviewPolicy" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "approvalAll" BOOLEAN NOT NULL DEFAULT false,
    "approvalAboveCents" INTEGER,
    "approvalCommercial" BOOLEAN NOT NULL DEFAULT false,
    "approvalLongerThanYear" BOOLEAN NOT NULL DEFAULT false,
    "firstActionDays" INTEGER NOT NULL DEFAULT 10,
    "decisionDays" INTEGER NOT NULL DEFAULT 60,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedById" TEXT,

    CONSTRAINT "ReviewPolicy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GrantProposal" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "proposedById" TEXT NOT NULL,
    "proposedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "grant" JSONB NOT NULL,
    "reasons" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "status" "ProposalStatus" NOT NULL DEFAULT 'PENDING',
    "resolvedById" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "note" TEXT,

    CONSTRAINT "GrantProposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConflictDeclaration" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "hasConflict" BOOLEAN NOT NULL,
    "reason" TEXT,
    "declaredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "liftedAt" TIMESTAMP(3),
    "liftedById" TEXT,
    "liftReason" TEXT,

    CONSTRAINT "ConflictDeclaration_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "GrantProposal_requestId_proposedAt_idx" ON "GrantProposal"("requestId", "proposedAt");

-- CreateIndex
CREATE INDEX "GrantProposal_status_proposedAt_idx" ON "GrantProposal"("status", "proposedAt");

-- CreateIndex
CREATE INDEX "ConflictDeclaration_reviewerId_hasConflict_idx" ON "ConflictDeclaration"("reviewerId", "hasConflict");

-- CreateIndex
CREATE INDEX "ConflictDeclaration_hasConflict_declaredAt_idx" ON "ConflictDeclaration"("hasConflict", "declaredAt");

-- CreateIndex
CREATE UNIQUE INDEX "ConflictDeclaration_requestId_reviewerId_key" ON "ConflictDeclaration"("requestId", "reviewerId");

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_confirmedById_fkey" FOREIGN KEY ("confirmedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewPolicy" ADD CONSTRAINT "ReviewPolicy_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GrantProposal" ADD CONSTRAINT "GrantProposal_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GrantProposal" ADD CONSTRAINT "GrantProposal_proposedById_fkey" FOREIGN KEY ("proposedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GrantProposal" ADD CONSTRAINT "GrantProposal_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConflictDeclaration" ADD CONSTRAINT "ConflictDeclaration_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConflictDeclaration" ADD CONSTRAINT "ConflictDeclaration_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConflictDeclaration" ADD CONSTRAINT "ConflictDeclaration_liftedById_fkey" FOREIGN KEY ("liftedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- One policy row, with the defaults: no second approver until an admin asks for one; targets of
-- 10 days to a first reviewer action and 60 days to a decision.
ALTER TABLE "ReviewPolicy" ADD CONSTRAINT "ReviewPolicy_single_row" CHECK ("id" = 1);
ALTER TABLE "ReviewPolicy" ADD CONSTRAINT "ReviewPolicy_values_check"
  CHECK ("firstActionDays" > 0 AND "decisionDays" > 0 AND ("approvalAboveCents" IS NULL OR "approvalAboveCents" >= 0));
INSERT INTO "ReviewPolicy" ("id") VALUES (1) ON CONFLICT DO NOTHING;

-- Two people, always: nobody confirms their own proposal, nobody is both decider and confirmer of
-- a grant, and a proposal sent back says why. One proposal waits per request at a time.
ALTER TABLE "GrantProposal" ADD CONSTRAINT "GrantProposal_two_people" CHECK ("resolvedById" IS NULL OR "resolvedById" <> "proposedById");
ALTER TABLE "GrantProposal" ADD CONSTRAINT "GrantProposal_returned_note" CHECK ("status" <> 'RETURNED' OR length(btrim(coalesce("note", ''))) > 0);
CREATE UNIQUE INDEX "GrantProposal_one_pending" ON "GrantProposal"("requestId") WHERE "status" = 'PENDING';
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_two_people" CHECK ("confirmedById" IS NULL OR "confirmedById" <> "decidedById");

-- A declared conflict gives its reason; a lifted one, the admin's reason for lifting it.
ALTER TABLE "ConflictDeclaration" ADD CONSTRAINT "ConflictDeclaration_reason_check"
  CHECK (NOT "hasConflict" OR length(btrim(coalesce("reason", ''))) > 0);
ALTER TABLE "ConflictDeclaration" ADD CONSTRAINT "ConflictDeclaration_lift_check"
  CHECK ("liftedAt" IS NULL OR ("hasConflict" AND "liftedById" IS NOT NULL AND length(btrim(coalesce("liftReason", ''))) > 0));

-- The response-time clock of requests submitted before it existed: the time each question waited
-- for its answer (or until it lapsed), a wait still going on, and the first reviewer's action.
UPDATE "Request" r SET "pausedSeconds" = waits.seconds
FROM (
  SELECT "requestId", sum(extract(epoch FROM (coalesce("answeredAt", "lapsedAt") - "createdAt")))::int AS seconds
  FROM "InformationRequest" WHERE coalesce("answeredAt", "lapsedAt") IS NOT NULL GROUP BY "requestId"
) waits
WHERE waits."requestId" = r.id;
UPDATE "Request" r SET "pausedSince" = open_question.since
FROM (
  SELECT "requestId", max("createdAt") AS since FROM "InformationRequest" WHERE "answeredAt" IS NULL AND "lapsedAt" IS NULL GROUP BY "requestId"
) open_question
WHERE open_question."requestId" = r.id AND r.status = 'AWAITING_REQUESTER';
UPDATE "Request" r SET "firstActionAt" = first_action.at
FROM (
  SELECT a."subjectId", min(a.at) AS at FROM "AuditEntry" a JOIN "Request" q ON q.id = a."subjectId"
  WHERE a."subjectType" = 'request' AND a."actorId" IS NOT NULL AND a."actorId" <> q."requesterId"
    AND q."submittedAt" IS NOT NULL AND a.at >= q."submittedAt"
  GROUP BY a."subjectId"
) first_action
WHERE first_action."subjectId" = r.id;
