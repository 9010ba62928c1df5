-- CreateEnum
CREATE TYPE "DigestFrequency" AS ENUM ('NONE', 'DAILY', 'WEEKLY');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "digest" "DigestFrequency" NOT NULL DEFAULT 'NONE',
ADD COLUMN     "digestSentAt" TIMESTAMP(3);

-- The worker's sweep looks for the few people who asked for a digest.
CREATE INDEX "User_digest_idx" ON "User"("digest") WHERE "digest" <> 'NONE';
