-- A request's status changes only together with its audit entry: the UPDATE that changes it is
-- refused unless the same transaction has already written an entry for that request recording
-- the new status (lib/lifecycle/apply.ts writes the entry, then the status). The check runs as the
-- statement ends, not at commit, so a refusal is an ordinary error of that statement.
CREATE FUNCTION request_status_change_audited() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status IS DISTINCT FROM OLD.status AND NOT EXISTS (
    SELECT 1
    FROM "AuditEntry" a
    WHERE a."subjectType" = 'request'
      AND a."subjectId" = NEW.id
      -- Written by this transaction: its xmin is this transaction's id (the low 32 bits of xid8).
      AND a.xmin::text::bigint = pg_current_xact_id()::text::bigint % 4294967296
      AND a.after ->> 'status' = NEW.status::text
  ) THEN
    RAISE EXCEPTION 'The status of request % changed from % to % without an audit entry', NEW.id, OLD.status, NEW.status
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Request_status_change_audited"
AFTER UPDATE OF status ON "Request"
FOR EACH ROW
EXECUTE FUNCTION request_status_change_audited();
