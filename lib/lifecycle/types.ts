import type { TRequestAuditAction } from "@/lib/domain/audit";
import type { TRequestStatus } from "@/lib/domain/request/lifecycle";
import type { TActorKind, TRequestActivity, TRequestEvent } from "@/lib/domain/request/state-machine";
import type { TWithdrawalReason } from "@/lib/domain/review/decisions";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TScope } from "@/lib/mail/decision-text";

/** Everything that happens to a submitted request: a move in the state machine, or an activity that leaves it where it is. */
export type TLifecycleEvent = TRequestEvent | TRequestActivity;

/** Who does it: the kind the state machine checks, and the person (none for the system). */
export type TActor = { kind: TActorKind; userId: string | null };

/** When it happens and where links in its emails point. */
export type TEventContext = { now: Date; baseUrl: string };

/** The request as the pipeline reads it under lock, and as its consumers get it after the change. */
export type TEventRequest = {
  id: string;
  reference: string | null;
  status: TRequestStatus;
  version: number;
  requesterId: string;
  assigneeId: string | null;
  expiresAt: Date | null;
  answers: unknown;
  joint: boolean;
};

type TNothing = Record<string, never>;

/** What the events that carry something tell their consumers beyond the request itself; any other event carries nothing. */
type TDetailsOf = {
  move_joint: { joint: boolean; reason: string };
  message: { commentId: string; body: string };
  ask_requester: { questionId: string; question: string };
  requester_answered: { questionId: string };
  grant: {
    message: string;
    scope: TScope;
    startsOn: string;
    expiresOn: string;
    contributions?: { kind: string; description: string }[];
    firstCheckInOn?: string;
  };
  decline: { message: string; criteria: string[] };
  withdraw: { message: string; reason: TWithdrawalReason };
  extend: { message: string; expiresOn: string };
  lapse: { questionId: string };
  expire: { expiresOn: string };
  remind_expiry: { daysAhead: number; expiresOn: string; daysLeft: number };
  open_check_in: { checkInId: string; dueOn: string };
  remind_check_in: { checkInId: string; dueOn: string };
  miss_check_in: { checkInId: string };
  check_in: { checkInId: string; useCase: string };
  acknowledge_check_in: { checkInId: string };
  propose_grant: { proposalId: string };
  return_grant_proposal: { proposalId: string; proposerId: string; note: string };
  uphold_decline: { reasons: string };
  overturn_decline: { reasons: string };
  uphold_withdrawal: { reasons: string };
  overturn_withdrawal: { reasons: string };
};

export type TEventDetails = { [E in TLifecycleEvent]: E extends keyof TDetailsOf ? TDetailsOf[E] : TNothing };

type TJson = Prisma.InputJsonValue;

/** The audit entry's own part; the pipeline adds the status before and after when it changes. */
export type TAuditFields = {
  action?: TRequestAuditAction;
  before?: Record<string, TJson | null> | null;
  after?: Record<string, TJson | null>;
  note?: string | null;
};

/** What an event's own records (a decision, a question) give back once written. */
export type TWritten<E extends TLifecycleEvent> = { details: TEventDetails[E]; audit?: TAuditFields };

export type TEventInput<E extends TLifecycleEvent> = {
  event: E;
  actor: TActor;
  requestId: string;
  /** The version the person saw: a request changed since is refused, never overwritten. */
  version?: number;
  /** Checks on the locked request beyond the state machine (an expiry still due, say); throws to refuse. */
  guard?: (request: TEventRequest) => void;
  /** Columns the event sets besides status, version and last activity. */
  set?: Prisma.RequestUncheckedUpdateManyInput;
  /** False for what is not activity on the request (a reminder sent by the system). */
  touch?: boolean;
  audit?: TAuditFields;
} & ({ details: TEventDetails[E]; write?: never } | { write: (tx: Prisma.TransactionClient, request: TEventRequest) => Promise<TWritten<E>>; details?: never });

/** An event as its consumers get it, once every write of the transaction is done. */
export type TAppliedEvent<E extends TLifecycleEvent = TLifecycleEvent> = {
  event: E;
  actor: TActor;
  from: TRequestStatus;
  to: TRequestStatus;
  request: TEventRequest;
  details: TEventDetails[E];
  context: TEventContext;
};

/** Something that follows request events: it runs inside the event's transaction, so it commits with it or not at all. */
export type TEventConsumer = (tx: Prisma.TransactionClient, applied: TAppliedEvent) => Promise<void>;
