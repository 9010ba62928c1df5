import "server-only";

import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";

import type { TRole } from "@/lib/domain/roles";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

import { checkDatabase } from "./health";
import { sessionOf } from "./session-user";

export type TViewer = { id: string; email: string | null; name: string | null; role: TRole };

/**
 * The signed-in person (lib/server/session-user.ts), once per request. A session that cannot be
 * read (the database is down) reads as none, as Auth.js has it: the page header still renders,
 * and requireViewer tells an outage from a sign-out.
 */
const sessionUser = cache(async () => {
  const token = await sessionToken();
  if (!token) return null;
  try {
    return await sessionOf(token, new Date());
  } catch (error) {
    log.error("session.read_failed", { error: error instanceof Error ? error.message : String(error) });
    return null;
  }
});

/** The session cookie Auth.js reads: the `__Secure-` one when the app's address is https. */
async function sessionToken() {
  const jar = await cookies();
  const url = env().authUrl;
  if (url) return jar.get(url.startsWith("https:") ? SECURE_SESSION_COOKIE : SESSION_COOKIE)?.value;
  return (jar.get(SECURE_SESSION_COOKIE) ?? jar.get(SESSION_COOKIE))?.value;
}

/** The signed-in person, read fresh from the database once per request; null when signed out. */
export const getViewer = cache(async (): Promise<TViewer | null> => {
  const user = await sessionUser();
  return user && { id: user.id, email: user.email, name: user.name, role: user.role };
});

/** The signed-in person's language choices: the one they saved, and the one they last acted in. */
export async function viewerLanguage(): Promise<{ locale: string | null; lastLocale: string | null } | null> {
  const user = await sessionUser();
  return user && { locale: user.locale, lastLocale: user.lastLocale };
}

const SESSION_COOKIE = "authjs.session-token";
const SECURE_SESSION_COOKIE = "__Secure-authjs.session-token";
const SESSION_COOKIES = [SESSION_COOKIE, SECURE_SESSION_COOKIE];

/**
 * For pages: the viewer, or a redirect to sign in that comes back to `returnTo`. A session that
 * cannot be read because the database is down is an outage, not a sign-out: the error page says
 * so, instead of asking the person to sign in again.
 */
export async function requireViewer(returnTo: string): Promise<TViewer> {
  const viewer = await getViewer();
  if (viewer) return viewer;
  const jar = await cookies();
  if (SESSION_COOKIES.some((name) => jar.has(name)) && (await checkDatabase()).status === "down") {
    throw new Error("The database is unavailable");
  }
  redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
}

/** For pages: a viewer whose role passes `allowed`; anyone else gets 404, as if the page did not exist. */
export async function requireRole(returnTo: string, allowed: (role: TRole) => boolean): Promise<TViewer> {
  const viewer = await requireViewer(returnTo);
  if (!allowed(viewer.role)) notFound();
  return viewer;
}
