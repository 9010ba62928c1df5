// A stand-in for Meta-Wiki's OAuth 2.0 endpoints (Extension:OAuth's REST API), for tests and the
// demo: the machines that run them cannot reach meta.wikimedia.org. It behaves as MediaWiki does
// where a client can tell: the authorization code grant with `state` passed back and PKCE (S256)
// checked, the client's id and secret checked (in a Basic header or the form), codes that work
// once and for ten minutes, access tokens bound to the code they came from (replaying a code
// revokes them), and the profile MediaWiki gives for the `identify` and email grants.
//
// Accounts are kept in memory. Tests add theirs through `POST /__standin/accounts` (a JSON
// account; the same `sub` with a new `username` is a renamed account) and choose one on the
// consent page, as a person would; `GET /__standin/accounts` lists them.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

/** A Wikimedia account as the profile endpoint describes it. */
export type TStandInAccount = {
  /** The central (global) account id: the same across renames and wikis. */
  sub: string;
  username: string;
  editcount: number;
  confirmed_email: boolean;
  email: string;
  realname: string;
  blocked: boolean;
  /** MediaWiki's timestamp: YYYYMMDDHHMMSS, UTC. */
  registered: string;
  groups: string[];
  rights: string[];
};

export type TStandInOptions = {
  clientId: string;
  clientSecret: string;
  /** Where the client may send people back to: a redirect_uri must start with this. */
  callbackPrefix: string;
  accounts?: TStandInAccount[];
  /** How long a code works, in seconds (MediaWiki: ten minutes). */
  codeSeconds?: number;
  /** The time, in milliseconds: tests move it to expire codes. */
  now?: () => number;
};

export const AUTHORIZE_PATH = "/w/rest.php/oauth2/authorize";
export const TOKEN_PATH = "/w/rest.php/oauth2/access_token";
export const PROFILE_PATH = "/w/rest.php/oauth2/resource/profile";
const ACCOUNTS_PATH = "/__standin/accounts";

type TCode = { sub: string; clientId: string; redirectUri: string; challenge: string; expires: number; used: boolean; tokens: string[] };

/** Starts the stand-in on `port` of 127.0.0.1; resolves once it listens. */
export function startWikimediaStandIn(port: number, options: TStandInOptions): Promise<Server> {
  const accounts = new Map<string, TStandInAccount>((options.accounts ?? []).map((account) => [account.sub, account]));
  const codes = new Map<string, TCode>();
  const tokens = new Map<string, { sub: string; expires: number }>();
  const codeMs = (options.codeSeconds ?? 600) * 1000;
  const now = options.now ?? Date.now;

  const server = createServer((request, response) => {
    handle(request, response).catch(() => send(response, 500, { error: "server_error" }));
  });

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? "/", "http://stand-in");
    if (url.pathname === ACCOUNTS_PATH) {
      if (request.method === "GET") return send(response, 200, [...accounts.values()]);
      if (request.method === "POST") {
        const account = JSON.parse(await body(request)) as TStandInAccount;
        accounts.set(account.sub, account);
        return send(response, 201, account);
      }
    }
    if (url.pathname === AUTHORIZE_PATH && request.method === "GET") return consentPage(url, response);
    if (url.pathname === AUTHORIZE_PATH && request.method === "POST") return decide(new URLSearchParams(await body(request)), response);
    if (url.pathname === TOKEN_PATH && request.method === "POST") return token(request, new URLSearchParams(await body(request)), response);
    if (url.pathname === PROFILE_PATH && request.method === "GET") return profile(request, response);
    return send(response, 404, { error: "not_found" });
  }

  /** The checks MediaWiki makes before it asks the person anything; an error is shown, not sent back. */
  function authorizationProblem(params: URLSearchParams): string | null {
    if (params.get("client_id") !== options.clientId) return "Unknown client.";
    if (params.get("response_type") !== "code") return "Only the authorization code grant is supported.";
    const redirectUri = params.get("redirect_uri") ?? "";
    if (!redirectUri.startsWith(options.callbackPrefix)) return "The redirect URI does not match the registered callback.";
    if (!params.get("code_challenge") || params.get("code_challenge_method") !== "S256") return "A PKCE challenge (S256) is required.";
    return null;
  }

  function consentPage(url: URL, response: ServerResponse) {
    const problem = authorizationProblem(url.searchParams);
    if (problem) return html(response, 400, `<h1>OAuth error</h1><p>${escapeHtml(problem)}</p>`);
    const hidden = ["client_id", "redirect_uri", "state", "code_challenge", "code_challenge_method", "response_type", "scope"]
      .map((name) => `<input type="hidden" name="${name}" value="${escapeHtml(url.searchParams.get(name) ?? "")}">`)
      .join("");
    const choices = [...accounts.values()]
      .map(
        (account, index) =>
          `<p><label><input type="radio" name="sub" value="${escapeHtml(account.sub)}"${index === 0 ? " checked" : ""}> ${escapeHtml(account.username)}</label>
          <small>${escapeHtml(summaryOf(account))}</small></p>`,
      )
      .join("");
    return html(
      response,
      200,
      `<h1>Wikimedia sign-in (stand-in)</h1>
      <form method="post" action="${AUTHORIZE_PATH}">${hidden}
        <fieldset><legend>Sign in as</legend>${choices || "<p>No accounts.</p>"}</fieldset>
        <p>The application asks to know who you are on the Wikimedia wikis, and your email address.</p>
        <button type="submit" name="decision" value="allow">Allow</button>
        <button type="submit" name="decision" value="deny">Cancel</button>
      </form>`,
    );
  }

  function decide(params: URLSearchParams, response: ServerResponse) {
    const problem = authorizationProblem(params);
    if (problem) return html(response, 400, `<h1>OAuth error</h1><p>${escapeHtml(problem)}</p>`);
    const back = new URL(params.get("redirect_uri") ?? "");
    const state = params.get("state");
    if (state !== null) back.searchParams.set("state", state);
    const account = accounts.get(params.get("sub") ?? "");
    if (params.get("decision") !== "allow" || !account) {
      back.searchParams.set("error", "access_denied");
      back.searchParams.set("error_description", "The user denied the request");
    } else {
      const code = secret();
      codes.set(code, {
        sub: account.sub,
        clientId: options.clientId,
        redirectUri: params.get("redirect_uri") ?? "",
        challenge: params.get("code_challenge") ?? "",
        expires: now() + codeMs,
        used: false,
        tokens: [],
      });
      back.searchParams.set("code", code);
    }
    response.writeHead(302, { location: back.toString() }).end();
  }

  function token(request: IncomingMessage, params: URLSearchParams, response: ServerResponse) {
    const client = clientOf(request, params);
    if (!client || client.id !== options.clientId || !same(client.secret, options.clientSecret)) {
      return send(response, 401, { error: "invalid_client", message: "Client authentication failed" });
    }
    if (params.get("grant_type") !== "authorization_code") return send(response, 400, { error: "unsupported_grant_type" });
    const code = codes.get(params.get("code") ?? "");
    const invalid = (message: string) => send(response, 400, { error: "invalid_grant", message });
    if (!code || code.clientId !== client.id) return invalid("The authorization code is not valid");
    if (code.used) {
      // A code used twice may have been stolen: what it gave is withdrawn too.
      for (const issued of code.tokens) tokens.delete(issued);
      return invalid("The authorization code has been used");
    }
    code.used = true;
    if (code.expires < now()) return invalid("The authorization code has expired");
    if (params.get("redirect_uri") !== code.redirectUri) return invalid("The redirect URI does not match");
    const verifier = params.get("code_verifier") ?? "";
    if (createHash("sha256").update(verifier).digest("base64url") !== code.challenge) return invalid("The code verifier does not match the challenge");
    const accessToken = secret();
    tokens.set(accessToken, { sub: code.sub, expires: now() + 4 * 3600_000 });
    code.tokens.push(accessToken);
    return send(response, 200, { token_type: "Bearer", expires_in: 14400, access_token: accessToken, refresh_token: secret() });
  }

  function profile(request: IncomingMessage, response: ServerResponse) {
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1];
    const issued = bearer ? tokens.get(bearer) : undefined;
    const account = issued && issued.expires > now() ? accounts.get(issued.sub) : undefined;
    if (!account) return send(response, 401, { error: "invalid_token", message: "The access token is not valid" });
    return send(response, 200, account);
  }

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
}

/** What the consent page says of an account beside its name, so a person can tell which to pick. */
function summaryOf(account: TStandInAccount) {
  const registered = account.registered.replace(/^(\d{4})(\d{2})(\d{2}).*$/, "$1-$2-$3");
  const email = account.confirmed_email ? `email ${account.email}` : "no confirmed email";
  return [`${account.editcount.toLocaleString("en")} edits`, `registered ${registered}`, email, ...(account.blocked ? ["blocked"] : [])].join(" · ");
}

function clientOf(request: IncomingMessage, params: URLSearchParams): { id: string; secret: string } | null {
  const basic = /^Basic (.+)$/.exec(request.headers.authorization ?? "")?.[1];
  if (basic) {
    const [id, ...rest] = Buffer.from(basic, "base64").toString().split(":");
    return { id: decodeURIComponent(id ?? ""), secret: decodeURIComponent(rest.join(":")) };
  }
  const id = params.get("client_id");
  return id ? { id, secret: params.get("client_secret") ?? "" } : null;
}

function same(a: string, b: string) {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

const secret = () => randomBytes(24).toString("base64url");

function body(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString()));
    request.on("error", reject);
  });
}

function send(response: ServerResponse, status: number, value: unknown) {
  response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(value));
}

function html(response: ServerResponse, status: number, content: string) {
  response
    .writeHead(status, { "content-type": "text/html; charset=utf-8" })
    .end(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Wikimedia sign-in (stand-in)</title><style>body{font:1rem/1.5 sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}small{display:block;margin-inline-start:1.6rem;color:#54595d}button{font:inherit;padding:.4rem 1rem}</style></head><body>${content}</body></html>`,
    );
}

function escapeHtml(text: string) {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
