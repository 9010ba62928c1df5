-- The Obligation section lists promised contributions as rows (kind, description, link, expected
-- by) instead of a checkbox list with one description for all. Each kind ticked becomes a row
-- described by what the requester wrote; "none" becomes the box "We do not plan to give anything
-- back". Links and dates were never asked: they stay empty (an empty date reads as ongoing).
WITH old AS (
  SELECT
    "id",
    CASE jsonb_typeof("answers" -> 'obligation' -> 'reciprocal')
      WHEN 'array' THEN "answers" -> 'obligation' -> 'reciprocal'
      WHEN 'string' THEN jsonb_build_array("answers" -> 'obligation' -> 'reciprocal')
      ELSE '[]'::jsonb
    END AS "kinds",
    COALESCE("answers" -> 'obligation' ->> 'reciprocalDetail', '') AS "detail"
  FROM "Request"
  WHERE jsonb_typeof("answers" -> 'obligation') = 'object' AND "answers" -> 'obligation' ? 'reciprocal'
),
given AS (
  SELECT
    old."id",
    old."kinds",
    old."detail",
    COALESCE((SELECT jsonb_agg(kind ORDER BY ordinality) FROM jsonb_array_elements_text(old."kinds") WITH ORDINALITY AS k(kind, ordinality) WHERE kind <> 'none'), '[]'::jsonb) AS "given"
  FROM old
),
rows AS (
  SELECT
    given.*,
    to_jsonb(array_fill(given."detail", ARRAY[jsonb_array_length(given."given")])) AS "descriptions",
    to_jsonb(array_fill(''::text, ARRAY[jsonb_array_length(given."given")])) AS "blanks"
  FROM given
)
UPDATE "Request" AS r
SET "answers" = jsonb_set(
  r."answers",
  '{obligation}',
  ((r."answers" -> 'obligation') - 'reciprocal' - 'reciprocalDetail') || jsonb_build_object(
    'contributionKind', rows."given",
    'contributionDescription', rows."descriptions",
    'contributionLink', rows."blanks",
    'contributionBy', rows."blanks",
    'noContributions', CASE WHEN rows."kinds" ? 'none' AND jsonb_array_length(rows."given") = 0 THEN 'yes' ELSE '' END,
    -- The description moved into the rows; with no row to hold it, it stays where it was.
    'reciprocalDetail', CASE WHEN jsonb_array_length(rows."given") = 0 THEN rows."detail" ELSE '' END
  )
)
FROM rows
WHERE r."id" = rows."id";
