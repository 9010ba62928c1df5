import { NextResponse, type NextRequest } from "next/server";

import { PATH_HEADER, USELANG_HEADER } from "@/lib/i18n/request-headers";

/**
 * Sets the per-request Content-Security-Policy (and HSTS) on pages, and passes the language asked
 * for to them. Only headers: who may see what is decided by the layouts and the data layer, never here. The headers that do not change
 * per request, and the API's policy, come from next.config.js.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = contentSecurityPolicy(nonce);

  // Next.js reads the nonce from the request's CSP header and puts it on its own scripts.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", policy);
  requestHeaders.set("x-nonce", nonce);
  passLanguageChoice(request, requestHeaders);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  if (servedOverHttps(request) || process.env.APP_ENV === "production") {
    response.headers.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  }
  return response;
}

/**
 * Tells the pages what ?uselang= asked for and which page this is (reviewer and admin pages skip
 * requester-side languages): headers, because server components see neither the query nor the path.
 * A client's own headers of these names never get through. The choice itself is made in lib/i18n.
 */
function passLanguageChoice(request: NextRequest, requestHeaders: Headers) {
  const uselang = request.nextUrl.searchParams.get("uselang");
  if (uselang && /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,3}$/.test(uselang)) requestHeaders.set(USELANG_HEADER, uselang);
  else requestHeaders.delete(USELANG_HEADER);
  requestHeaders.set(PATH_HEADER, request.nextUrl.pathname);
}

function wikimediaOrigin() {
  try {
    return new URL(process.env.AUTH_WIKIMEDIA_URL || "https://meta.wikimedia.org").origin;
  } catch {
    return "https://meta.wikimedia.org";
  }
}

function contentSecurityPolicy(nonce: string) {
  // `next dev` only: React rebuilds server error stacks with eval, and the dev overlay injects
  // styles without a nonce. A production build needs neither.
  const development = process.env.NODE_ENV === "development";
  // Without JavaScript, the Wikimedia sign-in form's answer is a redirect to the wiki that signs
  // people in (AUTH_WIKIMEDIA_URL, Meta-Wiki by default), and browsers check a form's redirects
  // against form-action.
  const wikimedia = process.env.AUTH_WIKIMEDIA_ID ? ` ${wikimediaOrigin()}` : "";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    development ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    `form-action 'self'${wikimedia}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join("; ");
}

/** TLS may end at a reverse proxy in front of the app, which says so in X-Forwarded-Proto. */
function servedOverHttps(request: NextRequest) {
  return request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}

export const config = {
  matcher: [
    {
      // Documents only: static files, image optimisation, icons, the API and the register's data
      // and feed carry no scripts to nonce (their policy is in next.config.js), and prefetches are
      // not documents.
      source: "/((?!api/|_next/static/|_next/image|favicon\\.ico|icon\\.svg|apple-icon|robots\\.txt|register\\.json|register\\.atom).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
