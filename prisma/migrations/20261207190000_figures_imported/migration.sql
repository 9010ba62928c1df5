-- The public figures tell requests imported from the email era apart, still from the index alone.
-- DropIndex
DROP INDEX "Request_submittedAt_status_joint_decidedAt_idx";

-- CreateIndex
CREATE INDEX "Request_submittedAt_status_joint_decidedAt_importedAt_idx" ON "Request"("submittedAt", "status", "joint", "decidedAt", "importedAt");
