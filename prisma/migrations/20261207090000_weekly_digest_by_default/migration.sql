-- Reviewers and admins get the weekly review digest unless they choose otherwise, so that a request
-- past a response-time target is always told to someone. Those who never chose (no
-- user.digest_changed entry) move to weekly; a choice made stays. Requesters get no digest,
-- whatever the column says.
ALTER TABLE "User" ALTER COLUMN "digest" SET DEFAULT 'WEEKLY';

UPDATE "User" u SET "digest" = 'WEEKLY'
WHERE u."digest" = 'NONE'
  AND NOT EXISTS (
    SELECT 1 FROM "AuditEntry" a
    WHERE a."subjectType" = 'user' AND a."subjectId" = u.id AND a.action = 'user.digest_changed'
  );

-- The worker's sweep reads the reviewers and admins with a digest, by id: the index holds only them.
DROP INDEX "User_digest_idx";
CREATE INDEX "User_digest_idx" ON "User"("id") WHERE "digest" <> 'NONE' AND "role" IN ('WMF_REVIEWER', 'WMDE_REVIEWER', 'ADMIN');
