import "server-only";

import { createHash } from "node:crypto";

import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";

import { connectionFields } from "@/lib/database-url";
import { DomainError } from "@/lib/domain/errors";
import { env, type TEnv } from "@/lib/env";
import type { TMessageKey } from "@/lib/i18n/translator";
import { log } from "@/lib/log";

import { clientAddressOf } from "./client";

/**
 * Abuse limits, counted in PostgreSQL (table "RateLimit", made by a migration) so that every app
 * process shares them. Each limit allows `points` actions per key in a window of `seconds` that
 * starts at the first action.
 */
/** Limits on what people do through forms, refused with a message they read. */
export type TFormLimitName = "signInEmail" | "signInIp" | "submission" | "message" | "contactLink";
/** Limits on the entitlements API: calls per token, and failed sign-ins per client address. */
export type TApiLimitName = "apiToken" | "apiAuthFailure";
export type TLimitName = TFormLimitName | TApiLimitName;
export type TBudget = { points: number; seconds: number };
export type TBudgets = Record<TLimitName, TBudget>;
export type TLimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function budgets(settings: Pick<TEnv, "signInLinksPerIpPerHour" | "apiAuthFailuresPerIpPerMinute"> = env()): TBudgets {
  return {
    // Enough for a lost email or two; too few to flood someone's inbox.
    signInEmail: { points: 5, seconds: HOUR },
    // A setting, because a whole office or campus can share one address.
    signInIp: { points: settings.signInLinksPerIpPerHour, seconds: HOUR },
    submission: { points: 10, seconds: DAY },
    // Answers to reviewers and reviewers' messages to requesters; internal notes are not limited.
    message: { points: 60, seconds: HOUR },
    // Links confirming a contact address go to an address the person typed: a few a day.
    contactLink: { points: 5, seconds: DAY },
    // Two a second on average: far more than a system checking accounts needs, far too few to scrape.
    apiToken: { points: 120, seconds: MINUTE },
    // Tokens cannot be guessed; this keeps a guesser from taking the database's time. A setting,
    // because tests (and a misconfigured client behind one address) fail many times on purpose.
    apiAuthFailure: { points: settings.apiAuthFailuresPerIpPerMinute, seconds: MINUTE },
  };
}

/** What a refused person reads, with the wait in the unit that suits the limit's window. */
const REFUSALS: Record<TFormLimitName, { key: TMessageKey; unitSeconds: number }> = {
  signInEmail: { key: "signin-error-too-many-email", unitSeconds: MINUTE },
  signInIp: { key: "signin-error-too-many-network", unitSeconds: MINUTE },
  submission: { key: "request-error-too-many-submissions", unitSeconds: HOUR },
  message: { key: "error-too-many-messages", unitSeconds: MINUTE },
  contactLink: { key: "contact-error-too-many", unitSeconds: HOUR },
};

export function refusalMessage(name: TFormLimitName, retryAfterSeconds: number) {
  const { key, unitSeconds } = REFUSALS[name];
  return { key, params: [Math.max(1, Math.ceil(retryAfterSeconds / unitSeconds))] };
}

export type TRateLimiter = {
  consume(name: TLimitName, key: string): Promise<TLimitResult>;
  refund(name: TLimitName, key: string): Promise<void>;
};

/** Limits counted in the "RateLimit" table the pool reaches. Never throws: see `consume`. */
export function createRateLimiter(pool: pg.Pool, limits: TBudgets): TRateLimiter {
  const names = Object.keys(limits) as TLimitName[];
  const limiters = Object.fromEntries(
    names.map((name, index) => [
      name,
      new RateLimiterPostgres({
        storeClient: pool,
        storeType: "pool",
        tableName: "RateLimit",
        tableCreated: true,
        keyPrefix: name,
        points: limits[name].points,
        duration: limits[name].seconds,
        // All limits share the table, so one of them sweeping out expired rows is enough.
        clearExpiredByTimeout: index === 0,
      }),
    ]),
  ) as Record<TLimitName, RateLimiterPostgres>;

  return {
    async consume(name, key) {
      try {
        await limiters[name].consume(hashed(key));
        return { ok: true };
      } catch (outcome) {
        if (outcome instanceof RateLimiterRes) {
          log.warn("rate_limit.refused", { limit: name });
          return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(outcome.msBeforeNext / 1000)) };
        }
        // Availability over limiting: when the count cannot be kept, people are let through
        // rather than locked out of signing in or answering a reviewer.
        log.error("rate_limit.unavailable", { limit: name, error: errorText(outcome) });
        return { ok: true };
      }
    },
    async refund(name, key) {
      try {
        await limiters[name].reward(hashed(key), 1);
      } catch (error) {
        log.error("rate_limit.unavailable", { limit: name, error: errorText(error) });
      }
    },
  };
}

/** Keys are stored hashed: the table holds no email or IP address, and every key fits its column. */
function hashed(key: string) {
  return createHash("sha256").update(key).digest("hex");
}

function errorText(error: unknown) {
  return error instanceof Error ? error.message : String(error);
}

const globalForLimits = globalThis as unknown as { rateLimiter?: TRateLimiter };

/** The process-wide limiter, on a small pool of its own to the app's database, made on first use. */
function rateLimiter(): TRateLimiter {
  if (!globalForLimits.rateLimiter) {
    const url = env().databaseUrl;
    if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides it.");
    // Short timeouts: a slow database delays a sign-in by seconds at most, then the limit lets it through.
    const pool = new pg.Pool({ ...connectionFields(url), max: 3, connectionTimeoutMillis: 5_000, query_timeout: 5_000, allowExitOnIdle: true });
    pool.on("error", (error) => log.error("rate_limit.pool_error", { error: error.message }));
    globalForLimits.rateLimiter = createRateLimiter(pool, budgets());
  }
  return globalForLimits.rateLimiter;
}

/** Counts one action against a limit; `{ ok: false }` with the wait when the budget is spent. */
export async function consumeRateLimit(name: TLimitName, key: string): Promise<TLimitResult> {
  try {
    return await rateLimiter().consume(name, key);
  } catch (error) {
    log.error("rate_limit.unavailable", { limit: name, error: errorText(error) });
    return { ok: true };
  }
}

/** For server actions: counts one action, or refuses it with the limit's message (a DomainError). */
export async function enforceRateLimit(name: TFormLimitName, key: string): Promise<void> {
  const result = await consumeRateLimit(name, key);
  if (result.ok) return;
  const message = refusalMessage(name, result.retryAfterSeconds);
  throw new DomainError(message.key, message.params);
}

/** Gives back the point of an action that did not happen after all (an incomplete submission). */
export async function refundRateLimit(name: TLimitName, key: string): Promise<void> {
  try {
    await rateLimiter().refund(name, key);
  } catch (error) {
    log.error("rate_limit.unavailable", { limit: name, error: errorText(error) });
  }
}

/**
 * The inbox a sign-in link goes to, as one key for all the spellings that reach it: Auth.js's own
 * normalisation (NFKC, lower case, trimmed, anything after a comma in the domain dropped) and no
 * "+tag", so that variants of one address cannot multiply its budget.
 */
export function signInEmailKey(email: string) {
  const normalised = email.normalize("NFKC").toLowerCase().trim();
  const at = normalised.lastIndexOf("@");
  if (at < 0) return normalised;
  const local = normalised.slice(0, at).replace(/\+.*$/, "");
  const domain = normalised.slice(at + 1).split(",")[0];
  return `${local}@${domain}`;
}

export type TSignInLimitResult = { ok: true } | { ok: false; retryAfterSeconds: number; message: ReturnType<typeof refusalMessage> };

/**
 * Counts one request for a sign-in link, against its network's budget and then its address's.
 * Both the sign-in form and Auth.js's own endpoint call it.
 */
export async function consumeSignInLink(email: string | undefined, headers: Headers): Promise<TSignInLimitResult> {
  const address = clientAddressOf(headers);
  const checks: [TFormLimitName, string | undefined][] = [
    ["signInIp", address],
    ["signInEmail", email ? signInEmailKey(email) : undefined],
  ];
  for (const [name, key] of checks) {
    if (!key) continue;
    const result = await consumeRateLimit(name, key);
    if (!result.ok) return { ...result, message: refusalMessage(name, result.retryAfterSeconds) };
  }
  return { ok: true };
}

/** A route handler's answer to a refused request: 429 with when to try again. */
export function tooManyRequests(retryAfterSeconds: number, text: string): Response {
  return new Response(text, {
    status: 429,
    headers: { "Retry-After": String(retryAfterSeconds), "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
