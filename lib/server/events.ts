import "server-only";

import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/domain/errors";
import { publicUrl } from "@/lib/env";
import { actorKindOf } from "@/lib/domain/request/state-machine";
import { applyEvent } from "@/lib/lifecycle/apply";
import type { TActor, TEventInput, TLifecycleEvent } from "@/lib/lifecycle/types";

import { now } from "./clock";
import type { TViewer } from "./session";

/**
 * How long an event waits for a connection and may run. Events on one request take turns (its row
 * is locked), and a burst of submissions takes turns on the year's reference counter: in a busy
 * moment a person waits a few seconds more rather than being told something went wrong, which
 * Prisma's defaults (2 s to get a connection, 5 s to run) would do.
 */
const EVENT_TRANSACTION = { maxWait: 10_000, timeout: 15_000 } as const;

/** One request event in a transaction of its own, on the app's clock (lib/lifecycle/apply.ts); links in its emails start at `baseUrl`. */
export function runEvent<E extends TLifecycleEvent>(input: TEventInput<E>, baseUrl: string = publicUrl()) {
  return db().$transaction((tx) => applyEvent(tx, { now: now(), baseUrl }, input), EVENT_TRANSACTION);
}

/** How the viewer acts on a request: as its requester when it is their own, else by role (the state machine's kinds). */
export function actorFor(viewer: TViewer, requesterId: string): TActor {
  const kind = actorKindOf(viewer.role, viewer.id === requesterId)[0];
  // Someone with no part in the request (a requester, on another's) may not know it exists.
  if (!kind) throw new NotFoundError();
  return { kind, userId: viewer.id };
}
