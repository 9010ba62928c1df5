-- CreateEnum
CREATE TYPE "WebhookDeliveryStatus" AS ENUM ('PENDING', 'DELIVERED', 'FAILED');

-- CreateTable
CREATE TABLE "EntitlementChange" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "apis" TEXT[],
    "onDemandPerMonth" INTEGER,
    "snapshotFrequency" TEXT,
    "realtime" BOOLEAN NOT NULL DEFAULT false,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),
    "endReason" TEXT,
    "recordedAt" TIMESTAMP(3) NOT NULL,
    "sequence" BIGSERIAL NOT NULL,

    CONSTRAINT "EntitlementChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookEndpoint" (
    "id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "eventTypes" TEXT[],
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "secret" TEXT NOT NULL,
    "allowPlainHttp" BOOLEAN NOT NULL DEFAULT false,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "WebhookEndpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookEvent" (
    "id" TEXT NOT NULL,
    "sequence" BIGSERIAL NOT NULL,
    "type" TEXT NOT NULL,
    "requestId" TEXT,
    "key" TEXT,
    "payload" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WebhookEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "endpointId" TEXT NOT NULL,
    "requestId" TEXT,
    "sequence" BIGINT NOT NULL,
    "status" "WebhookDeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL,
    "lockedUntil" TIMESTAMP(3),
    "lastAttemptAt" TIMESTAMP(3),
    "lastStatusCode" INTEGER,
    "lastDurationMs" INTEGER,
    "lastError" TEXT,
    "lastResponse" TEXT,
    "deliveredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "scope" TEXT NOT NULL DEFAULT 'entitlements:read',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),
    "revokedById" TEXT,
    "lastUsedAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "EntitlementChange_sequence_key" ON "EntitlementChange"("sequence");

-- CreateIndex
CREATE INDEX "EntitlementChange_requestId_recordedAt_idx" ON "EntitlementChange"("requestId", "recordedAt");

-- CreateIndex
CREATE INDEX "EntitlementChange_username_recordedAt_idx" ON "EntitlementChange"("username", "recordedAt");

-- CreateIndex
CREATE INDEX "EntitlementChange_recordedAt_idx" ON "EntitlementChange"("recordedAt");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookEvent_sequence_key" ON "WebhookEvent"("sequence");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookEvent_key_key" ON "WebhookEvent"("key");

-- CreateIndex
CREATE INDEX "WebhookEvent_requestId_sequence_idx" ON "WebhookEvent"("requestId", "sequence");

-- CreateIndex
CREATE INDEX "WebhookDelivery_status_nextAttemptAt_idx" ON "WebhookDelivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_endpointId_requestId_sequence_idx" ON "WebhookDelivery"("endpointId", "requestId", "sequence");

-- CreateIndex
CREATE INDEX "WebhookDelivery_endpointId_createdAt_idx" ON "WebhookDelivery"("endpointId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookDelivery_eventId_endpointId_key" ON "WebhookDelivery"("eventId", "endpointId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- AddForeignKey
ALTER TABLE "EntitlementChange" ADD CONSTRAINT "EntitlementChange_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookEndpoint" ADD CONSTRAINT "WebhookEndpoint_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookEvent" ADD CONSTRAINT "WebhookEvent_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "WebhookEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_endpointId_fkey" FOREIGN KEY ("endpointId") REFERENCES "WebhookEndpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_revokedById_fkey" FOREIGN KEY ("revokedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-kept below: a grant's entitlement is recorded by the database itself whenever what it
-- grants changes (made, extended, ended by withdrawal, give-up or expiry), whatever writes the
-- change (the lifecycle pipeline, the seeds, tests). A change that leaves the entitlement as it
-- was adds nothing. The pipeline sets `app.now` to its clock for the transaction; without it
-- the database's clock is used.
CREATE OR REPLACE FUNCTION "entitlement_record"(request_id TEXT) RETURNS void AS $$
DECLARE
  recorded TIMESTAMP(3) := COALESCE(NULLIF(current_setting('app.now', true), '')::timestamp, now() AT TIME ZONE 'UTC');
BEGIN
  INSERT INTO "EntitlementChange" ("id", "requestId", "reference", "username", "apis", "onDemandPerMonth", "snapshotFrequency", "realtime", "startsAt", "expiresAt", "endedAt", "endReason", "recordedAt")
  SELECT gen_random_uuid()::text, s.*, recorded
  FROM (
    SELECT r.id, r.reference, COALESCE(r.answers -> 'who' ->> 'enterpriseUsername', ''),
           d.apis, d."onDemandPerMonth", d."snapshotFrequency", d.realtime,
           COALESCE(d."startsAt", d."decidedAt"), COALESCE(r."expiresAt", d."expiresAt"),
           CASE WHEN d."endedAt" IS NOT NULL THEN d."endedAt"
                WHEN r.status = 'EXPIRED' THEN COALESCE(r."expiresAt", d."expiresAt") END,
           CASE WHEN d."endedAt" IS NOT NULL AND d."endReason" = 'REQUESTER_WISH' THEN 'given_up'
                WHEN d."endedAt" IS NOT NULL THEN 'withdrawn'
                WHEN r.status = 'EXPIRED' THEN 'expired' END
    FROM "Request" r JOIN "Decision" d ON d."requestId" = r.id
    WHERE r.id = request_id AND d.outcome = 'GRANTED' AND r.reference IS NOT NULL
      AND COALESCE(r."expiresAt", d."expiresAt") IS NOT NULL
  ) AS s ("requestId", "reference", "username", "apis", "onDemandPerMonth", "snapshotFrequency", "realtime", "startsAt", "expiresAt", "endedAt", "endReason")
  WHERE NOT EXISTS (
    SELECT 1 FROM (
      SELECT * FROM "EntitlementChange" c WHERE c."requestId" = request_id ORDER BY c."sequence" DESC LIMIT 1
    ) AS last
    WHERE last."apis" = s."apis"
      AND last."onDemandPerMonth" IS NOT DISTINCT FROM s."onDemandPerMonth"
      AND last."snapshotFrequency" IS NOT DISTINCT FROM s."snapshotFrequency"
      AND last."realtime" = s."realtime"
      AND last."startsAt" = s."startsAt"
      AND last."expiresAt" = s."expiresAt"
      AND last."endedAt" IS NOT DISTINCT FROM s."endedAt"
      AND last."endReason" IS NOT DISTINCT FROM s."endReason"
  );
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION "entitlement_from_decision"() RETURNS trigger AS $$
BEGIN
  PERFORM "entitlement_record"(NEW."requestId");
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION "entitlement_from_request"() RETURNS trigger AS $$
BEGIN
  PERFORM "entitlement_record"(NEW.id);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "entitlement_decision_changed" AFTER INSERT OR UPDATE ON "Decision"
  FOR EACH ROW WHEN (NEW.outcome = 'GRANTED') EXECUTE FUNCTION "entitlement_from_decision"();

CREATE TRIGGER "entitlement_request_changed" AFTER UPDATE OF "status", "expiresAt", "reference" ON "Request"
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD."expiresAt" IS DISTINCT FROM NEW."expiresAt" OR OLD.reference IS DISTINCT FROM NEW.reference)
  EXECUTE FUNCTION "entitlement_from_request"();

-- The grants made before entitlements were recorded: one change each, as they stand now, dated
-- from their decision.
DO $$
DECLARE
  d RECORD;
BEGIN
  FOR d IN SELECT "requestId", "decidedAt" FROM "Decision" WHERE outcome = 'GRANTED' LOOP
    PERFORM set_config('app.now', d."decidedAt"::text, true);
    PERFORM "entitlement_record"(d."requestId");
  END LOOP;
  PERFORM set_config('app.now', '', true);
END;
$$;
