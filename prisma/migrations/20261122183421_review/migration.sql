-- CreateEnum
CREATE TYPE "ReviewOrganisation" AS ENUM ('WMF', 'WMDE');

-- CreateEnum
CREATE TYPE "AssessmentRating" AS ENUM ('MET', 'PARTLY_MET', 'NOT_MET', 'CANT_TELL');

-- CreateEnum
CREATE TYPE "CommentKind" AS ENUM ('INTERNAL', 'MESSAGE');

-- DropIndex
DROP INDEX "Request_status_submittedAt_idx";

-- AlterTable
ALTER TABLE "Request" ADD COLUMN     "apis" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "assigneeId" TEXT,
ADD COLUMN     "contactName" TEXT,
ADD COLUMN     "exceptionType" TEXT,
ADD COLUMN     "flagged" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "flags" JSONB,
ADD COLUMN     "joint" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "lastActivityAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "organisation" TEXT,
ADD COLUMN     "requesterKind" TEXT,
ADD COLUMN     "routingReasons" JSONB,
ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "searchVector" tsvector GENERATED ALWAYS AS (to_tsvector('simple', "searchText")) STORED;

-- CreateTable
CREATE TABLE "Assessment" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "organisation" "ReviewOrganisation" NOT NULL,
    "criterion" TEXT NOT NULL,
    "rating" "AssessmentRating" NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Assessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Comment" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "kind" "CommentKind" NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InformationRequest" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "askedById" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "replyBy" TIMESTAMP(3) NOT NULL,
    "sections" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answer" TEXT,
    "answeredAt" TIMESTAMP(3),
    "lapsedAt" TIMESTAMP(3),

    CONSTRAINT "InformationRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Assessment_requestId_reviewerId_criterion_key" ON "Assessment"("requestId", "reviewerId", "criterion");

-- CreateIndex
CREATE INDEX "Comment_requestId_createdAt_idx" ON "Comment"("requestId", "createdAt");

-- CreateIndex
CREATE INDEX "InformationRequest_requestId_createdAt_idx" ON "InformationRequest"("requestId", "createdAt");

-- CreateIndex
CREATE INDEX "InformationRequest_answeredAt_lapsedAt_replyBy_idx" ON "InformationRequest"("answeredAt", "lapsedAt", "replyBy");

-- CreateIndex
CREATE INDEX "Request_status_submittedAt_id_idx" ON "Request"("status", "submittedAt", "id");

-- CreateIndex
CREATE INDEX "Request_status_lastActivityAt_id_idx" ON "Request"("status", "lastActivityAt", "id");

-- CreateIndex
CREATE INDEX "Request_joint_status_submittedAt_id_idx" ON "Request"("joint", "status", "submittedAt", "id");

-- CreateIndex
CREATE INDEX "Request_assigneeId_idx" ON "Request"("assigneeId");

-- CreateIndex
CREATE INDEX "Request_searchVector_idx" ON "Request" USING GIN ("searchVector");

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InformationRequest" ADD CONSTRAINT "InformationRequest_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InformationRequest" ADD CONSTRAINT "InformationRequest_askedById_fkey" FOREIGN KEY ("askedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
