-- DropIndex
DROP INDEX "Decision_decidedAt_idx";

-- AlterTable
ALTER TABLE "Decision" ADD COLUMN     "publicName" TEXT,
ADD COLUMN     "publicSummary" TEXT,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "Request" ADD COLUMN     "decidedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Decision_decidedAt_id_idx" ON "Decision"("decidedAt", "id");

-- CreateIndex
CREATE INDEX "Request_submittedAt_status_joint_decidedAt_idx" ON "Request"("submittedAt", "status", "joint", "decidedAt");

-- Hand-kept below: data, a partial index and a trigger, which schema.prisma cannot express.

-- Existing decisions were last changed when they were made, or when their grant ended.
UPDATE "Decision" SET "updatedAt" = coalesce("endedAt", "decidedAt");

-- The public register (lib/server/register.ts) walks the grants that carry an approved entry,
-- newest first, a page at a time; only consented grants have one, so the index holds no other.
CREATE INDEX "Decision_register_decidedAt_idx" ON "Decision" ("decidedAt", "id") WHERE "publicSummary" IS NOT NULL;

-- Request."decidedAt" follows its decision, whatever writes it (the app, the seeds, tests), so
-- the public figures (lib/server/figures.ts) need no join: one statement per write, and a
-- decision that did not move its date changes nothing.
CREATE FUNCTION "request_decided_at_sync"() RETURNS trigger AS $$
BEGIN
  UPDATE "Request" r SET "decidedAt" = d."decidedAt"
  FROM new_rows d
  WHERE r.id = d."requestId" AND r."decidedAt" IS DISTINCT FROM d."decidedAt";
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Decision_request_decided_at_insert" AFTER INSERT ON "Decision"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "request_decided_at_sync"();
CREATE TRIGGER "Decision_request_decided_at_update" AFTER UPDATE ON "Decision"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "request_decided_at_sync"();

UPDATE "Request" r SET "decidedAt" = d."decidedAt" FROM "Decision" d WHERE d."requestId" = r.id;
