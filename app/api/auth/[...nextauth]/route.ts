import { type NextRequest, NextResponse } from "next/server";

import { handlers } from "@/lib/auth";
import { env } from "@/lib/env";
import { getI18n } from "@/lib/i18n/server";
import { consumeSignInLink, tooManyRequests } from "@/lib/server/rate-limit";

/**
 * Auth.js's endpoints; Wikimedia's refusal of a sign-in (the person chose Cancel there) goes back
 * to the sign-in page saying so, rather than as a general error: nothing is signed in or created.
 */
export async function GET(request: NextRequest) {
  const [action, provider] = authPath(request);
  if (action === "callback" && provider === "wikimedia" && request.nextUrl.searchParams.get("error") === "access_denied") {
    // The app's public address, as Auth.js builds its own redirects from it.
    return NextResponse.redirect(new URL("/signin?error=WikimediaDenied", env().authUrl ?? request.nextUrl));
  }
  return handlers.GET(request);
}

/**
 * Auth.js's own endpoint for sign-in links can be posted to directly, past the sign-in form, so it
 * counts against the same limits and answers 429 with Retry-After when they are spent.
 */
export async function POST(request: NextRequest) {
  if (!isEmailSignIn(request)) return handlers.POST(request);
  const limit = await consumeSignInLink(await postedEmail(request), request.headers);
  if (limit.ok) return handlers.POST(request);
  const { t } = await getI18n();
  return tooManyRequests(limit.retryAfterSeconds, t(limit.message.key, ...limit.message.params));
}

/** Read as Auth.js reads it (empty segments dropped), so that no spelling of the path slips past. */
function authPath(request: NextRequest) {
  return request.nextUrl.pathname
    .replace(/^\/api\/auth/, "")
    .split("/")
    .filter(Boolean);
}

function isEmailSignIn(request: NextRequest) {
  const [action, provider] = authPath(request);
  return action === "signin" && provider === "nodemailer";
}

/** The address in the body, in either of the encodings Auth.js accepts; the request stays unread. */
async function postedEmail(request: NextRequest): Promise<string | undefined> {
  const type = request.headers.get("content-type") ?? "";
  try {
    if (type.includes("application/json")) {
      const body: unknown = await request.clone().json();
      return body && typeof body === "object" && "email" in body && typeof body.email === "string" ? body.email : undefined;
    }
    if (type.includes("application/x-www-form-urlencoded")) {
      return new URLSearchParams(await request.clone().text()).get("email") ?? undefined;
    }
  } catch {
    // A body that does not parse: Auth.js refuses it too, and the network's limit still counted.
  }
  return undefined;
}
