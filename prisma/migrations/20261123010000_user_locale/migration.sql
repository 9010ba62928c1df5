-- AlterTable
ALTER TABLE "User" ADD COLUMN     "lastLocale" TEXT,
ADD COLUMN     "locale" TEXT;
