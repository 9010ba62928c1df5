-- The approval rules and the response-time targets are changed on two pages: each part gets its
-- own version and its own "last changed", so an admin saving one is never refused because another
-- saved the other. Both parts start from what the single version and change stamp said.
ALTER TABLE "ReviewPolicy"
    ADD COLUMN "approvalsVersion" INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN "approvalsChangedAt" TIMESTAMP(3),
    ADD COLUMN "approvalsChangedById" TEXT,
    ADD COLUMN "targetsVersion" INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN "targetsChangedAt" TIMESTAMP(3),
    ADD COLUMN "targetsChangedById" TEXT;

UPDATE "ReviewPolicy" SET
    "approvalsVersion" = "version",
    "targetsVersion" = "version",
    "approvalsChangedAt" = CASE WHEN "updatedById" IS NOT NULL THEN "updatedAt" END,
    "approvalsChangedById" = "updatedById",
    "targetsChangedAt" = CASE WHEN "updatedById" IS NOT NULL THEN "updatedAt" END,
    "targetsChangedById" = "updatedById";

ALTER TABLE "ReviewPolicy" DROP CONSTRAINT "ReviewPolicy_updatedById_fkey";
ALTER TABLE "ReviewPolicy" DROP COLUMN "version", DROP COLUMN "updatedAt", DROP COLUMN "updatedById";

ALTER TABLE "ReviewPolicy" ADD CONSTRAINT "ReviewPolicy_approvalsChangedById_fkey" FOREIGN KEY ("approvalsChangedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "ReviewPolicy" ADD CONSTRAINT "ReviewPolicy_targetsChangedById_fkey" FOREIGN KEY ("targetsChangedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
