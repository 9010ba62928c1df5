// What every HTTP request meets before Next.js sees it (scripts/serve.ts runs it). Next.js answers
// 500 to some hostile requests (a malformed path, a body over the action limit, a cross-origin
// action) and believes forwarded headers from anyone; here each gets its proper answer, and
// forwarded headers count only when the app is told a proxy sets them. Plain functions, no I/O.

export type TFrontDoorSettings = {
  /** AUTH_TRUST_HOST set to true: a reverse proxy in front sets X-Forwarded-For/-Host/-Proto. */
  trustProxy: boolean;
  /** The public address (AUTH_URL): its host may always post. */
  publicUrl?: string;
  /** Requests whose client address we stamp carry this secret, so the app can tell our stamp from a forgery. */
  secret: string;
};

export type TIncoming = {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  /** The socket's peer: the client itself, or the proxy in front. */
  remoteAddress: string | undefined;
};

export type TVerdict =
  | { pass: true; url: string; headers: Record<string, string | string[] | undefined> }
  | { pass: false; status: number; headers: Record<string, string>; body: string };

/** The largest body any form or route takes: Next.js's own limit for server actions (1 MB). */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/** The client's address as the front door found it, for the app (lib/server/client.ts). */
export const CLIENT_ADDRESS_HEADER = "x-ea-client-address";
export const FRONT_DOOR_HEADER = "x-ea-front-door";

/** The variable scripts/serve.ts puts its secret in, in its own process, for the app to check the stamp. */
export const FRONT_DOOR_SECRET_ENV = "FRONT_DOOR_SECRET";

/** Where a path that cannot name anything is sent: the app's own "page not found", with 404. */
export const NOT_FOUND_PATH = "/_not-found";

const PAGE_METHODS = ["GET", "HEAD", "POST"];
/**
 * Dropped from an untrusted client: they would name another host (the cross-origin check, links)
 * or another address (rate limits, the development mailbox). X-Forwarded-Proto stays: all it
 * changes is whether a response carries HSTS, and links come from AUTH_URL, never from it.
 */
const FORWARDED = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-port", "forwarded", "x-real-ip"];

export function frontDoor(incoming: TIncoming, settings: TFrontDoorSettings): TVerdict {
  const method = incoming.method.toUpperCase();
  const [rawPath = "/", query] = splitUrl(incoming.url);
  const headers = cleanHeaders(incoming, settings);

  if (!rawPath.startsWith("/api/") && !PAGE_METHODS.includes(method)) {
    return refuse(405, "This address takes GET and POST only.", { Allow: PAGE_METHODS.join(", ") });
  }
  const body = bodyProblem(headers);
  if (body) return body;
  if (method !== "GET" && method !== "HEAD" && !sameOrigin(headers, settings)) {
    return refuse(403, "Refused: this request came from another site.");
  }
  // A path that does not decode, or decodes to control characters (NUL...), names nothing here.
  const url = pathNamesNothing(rawPath) ? NOT_FOUND_PATH : query === undefined ? rawPath : `${rawPath}?${query}`;
  return { pass: true, url, headers };
}

/**
 * The headers Next.js gets: forwarded ones only from a trusted proxy (else a client could pass the
 * cross-origin check, or reset a rate limit, by naming another host or address), and the client's
 * address stamped with the secret. A client's own stamp never gets through.
 */
function cleanHeaders(incoming: TIncoming, settings: TFrontDoorSettings) {
  const headers = { ...incoming.headers };
  delete headers[CLIENT_ADDRESS_HEADER];
  delete headers[FRONT_DOOR_HEADER];
  const peer = normaliseAddress(incoming.remoteAddress);
  let client = peer;
  if (settings.trustProxy) {
    // The proxy appends the address it saw: the last entry. Earlier ones are whatever the client sent.
    client = normaliseAddress(lastForwardedFor(headers["x-forwarded-for"])) ?? peer;
  } else {
    for (const name of FORWARDED) delete headers[name];
    if (peer) headers["x-forwarded-for"] = peer;
  }
  if (client) headers[CLIENT_ADDRESS_HEADER] = client;
  headers[FRONT_DOOR_HEADER] = settings.secret;
  return headers;
}

function lastForwardedFor(value: string | string[] | undefined) {
  const list = Array.isArray(value) ? value.join(",") : (value ?? "");
  return list
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .at(-1);
}

/** "::ffff:127.0.0.1" is 127.0.0.1; anything that is not an IP address is no address. */
export function normaliseAddress(address: string | undefined): string | undefined {
  if (!address) return undefined;
  const plain = address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  return /^[0-9a-f:.]{2,45}$/i.test(plain) ? plain.toLowerCase() : undefined;
}

/** The loopback interface: 127.0.0.0/8 and ::1. */
export function isLoopback(address: string | undefined) {
  return Boolean(address && (address === "::1" || /^127\.\d+\.\d+\.\d+$/.test(address)));
}

function bodyProblem(headers: Record<string, string | string[] | undefined>): TVerdict | undefined {
  const length = single(headers["content-length"]);
  if (length !== undefined) {
    if (!/^\d+$/.test(length)) return refuse(400, "Bad request: the body's length is not a number.");
    if (Number(length) > BODY_LIMIT_BYTES) return refuse(413, `The request is too large: at most ${BODY_LIMIT_BYTES / 1024 / 1024} MB may be sent.`);
    return undefined;
  }
  // Browsers give every form post its length; a body without one could only be counted by reading it all.
  if (headers["transfer-encoding"] !== undefined) return refuse(411, "A request with a body must say its length (Content-Length).");
  return undefined;
}

/**
 * A browser names the page that made a post in Origin: it must be this app, as the client reached
 * it (Host) or as it is published (AUTH_URL). "null" (a sandboxed or privacy-stripped origin) is
 * refused too. A post without Origin is no browser's: it carries no one's cookies but its sender's.
 */
function sameOrigin(headers: Record<string, string | string[] | undefined>, settings: TFrontDoorSettings) {
  const origin = single(headers.origin);
  if (origin === undefined) return true;
  const originHost = hostOf(origin);
  if (!originHost) return false;
  const allowed = [
    single(headers.host),
    settings.trustProxy ? single(headers["x-forwarded-host"])?.split(",")[0]?.trim() : undefined,
    settings.publicUrl ? hostOf(settings.publicUrl) : undefined,
  ];
  return allowed.some((host) => host !== undefined && host.toLowerCase() === originHost);
}

function hostOf(url: string) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.host.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

function pathNamesNothing(path: string) {
  try {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: a path holding a control character names nothing: finding one is the point
    return /[\u0000-\u001f\u007f]/.test(decodeURIComponent(path));
  } catch {
    return true;
  }
}

function splitUrl(url: string): [string, string | undefined] {
  const at = url.indexOf("?");
  return at < 0 ? [url, undefined] : [url.slice(0, at), url.slice(at + 1)];
}

function single(value: string | string[] | undefined) {
  return Array.isArray(value) ? value[0] : value;
}

function refuse(status: number, body: string, headers: Record<string, string> = {}): TVerdict {
  return {
    pass: false,
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", ...headers },
    body: `${body}\n`,
  };
}
