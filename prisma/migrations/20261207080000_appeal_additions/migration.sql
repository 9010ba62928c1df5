-- An appeal may add to sections of the answers: text by section id, kept beside the answers as
-- they were decided on. Only the six section ids, each with text.
ALTER TABLE "Appeal" ADD COLUMN "additions" JSONB NOT NULL DEFAULT '{}';
ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_additions_check" CHECK (
    jsonb_typeof("additions") = 'object'
    AND "additions" - ARRAY['who', 'what', 'need', 'obligation', 'mission', 'values'] = '{}'::jsonb
    AND NOT jsonb_path_exists("additions", '$.* ? (@.type() != "string")')
);
