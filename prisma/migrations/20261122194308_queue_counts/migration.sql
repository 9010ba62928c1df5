-- CreateTable
CREATE TABLE "QueueCount" (
    "status" "RequestStatus" NOT NULL,
    "joint" BOOLEAN NOT NULL,
    "n" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "QueueCount_pkey" PRIMARY KEY ("status","joint")
);

-- Start from what is there now.
INSERT INTO "QueueCount" ("status", "joint", "n")
SELECT "status", "joint", count(*) FROM "Request" GROUP BY "status", "joint";

-- Every statement that adds, changes or removes requests applies its net change to the counts,
-- in one upsert ordered by key (so concurrent transactions lock counter rows in the same order).
CREATE FUNCTION "queue_count_apply"(changes jsonb) RETURNS void AS $$
BEGIN
  INSERT INTO "QueueCount" ("status", "joint", "n")
  SELECT (c->>'status')::"RequestStatus", (c->>'joint')::boolean, sum((c->>'delta')::int)
  FROM jsonb_array_elements(changes) AS c
  GROUP BY 1, 2
  HAVING sum((c->>'delta')::int) <> 0
  ORDER BY 1, 2
  ON CONFLICT ("status", "joint") DO UPDATE SET "n" = "QueueCount"."n" + EXCLUDED."n";
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION "queue_count_after_insert"() RETURNS trigger AS $$
BEGIN
  PERFORM "queue_count_apply"(coalesce((SELECT jsonb_agg(jsonb_build_object('status', "status", 'joint', "joint", 'delta', 1)) FROM new_rows), '[]'::jsonb));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION "queue_count_after_update"() RETURNS trigger AS $$
BEGIN
  PERFORM "queue_count_apply"(coalesce((
    SELECT jsonb_agg(change) FROM (
      SELECT jsonb_build_object('status', "status", 'joint', "joint", 'delta', -1) AS change FROM old_rows
      UNION ALL
      SELECT jsonb_build_object('status', "status", 'joint', "joint", 'delta', 1) FROM new_rows
    ) changes), '[]'::jsonb));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION "queue_count_after_delete"() RETURNS trigger AS $$
BEGIN
  PERFORM "queue_count_apply"(coalesce((SELECT jsonb_agg(jsonb_build_object('status', "status", 'joint', "joint", 'delta', -1)) FROM old_rows), '[]'::jsonb));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Request_queue_count_insert" AFTER INSERT ON "Request"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "queue_count_after_insert"();
CREATE TRIGGER "Request_queue_count_update" AFTER UPDATE ON "Request"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "queue_count_after_update"();
CREATE TRIGGER "Request_queue_count_delete" AFTER DELETE ON "Request"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "queue_count_after_delete"();
