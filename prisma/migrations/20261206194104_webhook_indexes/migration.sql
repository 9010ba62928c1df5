-- CreateIndex
CREATE INDEX "EntitlementChange_requestId_sequence_idx" ON "EntitlementChange"("requestId", "sequence");

-- CreateIndex
CREATE INDEX "WebhookDelivery_endpointId_lastAttemptAt_idx" ON "WebhookDelivery"("endpointId", "lastAttemptAt");
