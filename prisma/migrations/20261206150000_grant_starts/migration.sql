-- A grant's first day, kept on the request beside its expiry: lists, the register and the figures
-- tell a grant that has not started yet from an active one without joining the decision.
ALTER TABLE "Request" ADD COLUMN "startsAt" TIMESTAMP(3);

-- Hand-kept below: Request."startsAt" follows its decision as "decidedAt" does (public_register
-- migration), whatever writes the decision (the app, the seeds, tests).
CREATE OR REPLACE FUNCTION "request_decided_at_sync"() RETURNS trigger AS $$
BEGIN
  UPDATE "Request" r SET "decidedAt" = d."decidedAt", "startsAt" = d."startsAt"
  FROM new_rows d
  WHERE r.id = d."requestId"
    AND (r."decidedAt" IS DISTINCT FROM d."decidedAt" OR r."startsAt" IS DISTINCT FROM d."startsAt");
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

UPDATE "Request" r SET "startsAt" = d."startsAt" FROM "Decision" d WHERE d."requestId" = r.id AND d."startsAt" IS NOT NULL;
