-- AlterTable
ALTER TABLE "Decision" ADD COLUMN     "deciderName" TEXT;

-- AlterTable
ALTER TABLE "Request" ADD COLUMN     "externalId" TEXT,
ADD COLUMN     "importedAnswers" JSONB,
ADD COLUMN     "importedAt" TIMESTAMP(3),
ADD COLUMN     "importedById" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Request_externalId_key" ON "Request"("externalId");

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_importedById_fkey" FOREIGN KEY ("importedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
