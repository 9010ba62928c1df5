import type { TMessageKey, TParam } from "@/lib/i18n/translator";

/**
 * An outcome the person can act on (a conflict, a refusal, a rule), shown with its message.
 * Anything else thrown in an action is unexpected: logged, and shown only as a generic message.
 */
export class DomainError extends Error {
  constructor(
    readonly messageKey: TMessageKey,
    readonly params: (string | number)[] = [],
  ) {
    super(messageKey);
    this.name = "DomainError";
  }
}

/** The record does not exist, or the person may not know it does: both answer 404. */
export class NotFoundError extends Error {
  constructor() {
    super("not found");
    this.name = "NotFoundError";
  }
}

/** Rules broken by what was sent, by field: shown beside the fields like the form's own errors. */
export class FieldRuleError extends DomainError {
  constructor(readonly fieldErrors: Record<string, { key: TMessageKey; params?: TParam[] }>) {
    super("error-rules-broken");
    this.name = "FieldRuleError";
  }
}
