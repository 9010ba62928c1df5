import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import type { Server } from "node:http";
import { after, before, describe, it } from "node:test";

import { freePort } from "./database";
import { AUTHORIZE_PATH, PROFILE_PATH, startWikimediaStandIn, type TStandInAccount, TOKEN_PATH } from "./wikimedia-oauth";

const CLIENT = { id: "consumer", secret: "consumer-secret" };
const CALLBACK = "http://app.test/api/auth/callback/wikimedia";
const ACCOUNT: TStandInAccount = {
  sub: "4242",
  username: "Example",
  editcount: 12,
  confirmed_email: true,
  email: "example@example.org",
  realname: "",
  blocked: false,
  registered: "20120304050607",
  groups: ["*", "user"],
  rights: ["read"],
};
const VERIFIER = "a-verifier-long-enough-for-pkce-0123456789-abcdefghij";
const CHALLENGE = createHash("sha256").update(VERIFIER).digest("base64url");

let server: Server;
let clock = Date.now();
let base: string;

before(async () => {
  const port = await freePort();
  server = await startWikimediaStandIn(port, {
    clientId: CLIENT.id,
    clientSecret: CLIENT.secret,
    callbackPrefix: CALLBACK,
    accounts: [ACCOUNT],
    now: () => clock,
  });
  base = `http://127.0.0.1:${port}`;
});
after(() => server.close());

/** Allows the consent page as the account; the code and state sent back to the callback. */
async function authorize(overrides: Record<string, string> = {}) {
  const form = new URLSearchParams({
    client_id: CLIENT.id,
    response_type: "code",
    redirect_uri: CALLBACK,
    state: "state-1",
    code_challenge: CHALLENGE,
    code_challenge_method: "S256",
    sub: ACCOUNT.sub,
    decision: "allow",
    ...overrides,
  });
  const response = await fetch(`${base}${AUTHORIZE_PATH}`, { method: "POST", body: form, redirect: "manual" });
  return { status: response.status, back: new URL(response.headers.get("location") ?? `${base}/none`) };
}

async function exchange(code: string, overrides: Record<string, string> = {}, basic = true) {
  const form = new URLSearchParams({ grant_type: "authorization_code", code, redirect_uri: CALLBACK, code_verifier: VERIFIER, ...overrides });
  const headers: Record<string, string> = basic ? { authorization: `Basic ${Buffer.from(`${CLIENT.id}:${CLIENT.secret}`).toString("base64")}` } : {};
  const response = await fetch(`${base}${TOKEN_PATH}`, { method: "POST", body: form, headers });
  return { status: response.status, body: (await response.json()) as { access_token?: string; error?: string } };
}

const profileWith = (token: string) => fetch(`${base}${PROFILE_PATH}`, { headers: { authorization: `Bearer ${token}` } });

describe("the stand-in for Meta-Wiki's OAuth 2.0 endpoints", () => {
  it("shows its consent page only to the registered client, with a PKCE challenge and the registered callback", async () => {
    const page = (query: Record<string, string>) =>
      fetch(
        `${base}${AUTHORIZE_PATH}?${new URLSearchParams({ client_id: CLIENT.id, response_type: "code", redirect_uri: CALLBACK, code_challenge: CHALLENGE, code_challenge_method: "S256", ...query })}`,
      );
    assert.equal((await page({})).status, 200);
    assert.equal((await page({ client_id: "someone-else" })).status, 400);
    assert.equal((await page({ redirect_uri: "http://evil.test/callback" })).status, 400);
    assert.equal((await page({ code_challenge_method: "plain" })).status, 400);
  });

  it("gives a code with the state back, a token for the code and the verifier, and the profile for the token", async () => {
    const { status, back } = await authorize();
    assert.equal(status, 302);
    assert.equal(back.searchParams.get("state"), "state-1");
    const token = await exchange(back.searchParams.get("code") ?? "");
    assert.equal(token.status, 200);
    const profile = await profileWith(token.body.access_token ?? "");
    assert.deepEqual(await profile.json(), ACCOUNT);
  });

  it("sends a refusal back as access_denied, with the state", async () => {
    const { back } = await authorize({ decision: "deny" });
    assert.equal(back.searchParams.get("error"), "access_denied");
    assert.equal(back.searchParams.get("state"), "state-1");
    assert.equal(back.searchParams.get("code"), null);
  });

  it("takes the client's credentials in the form too, and refuses a wrong secret", async () => {
    const { back } = await authorize();
    const code = back.searchParams.get("code") ?? "";
    assert.equal((await exchange(code, { client_id: CLIENT.id, client_secret: "wrong" }, false)).status, 401);
    assert.equal((await exchange(code, { client_id: CLIENT.id, client_secret: CLIENT.secret }, false)).status, 200);
  });

  it("refuses a verifier that does not match the challenge", async () => {
    const { back } = await authorize();
    const refused = await exchange(back.searchParams.get("code") ?? "", { code_verifier: "another-verifier-entirely-0123456789-abcdefghijkl" });
    assert.deepEqual([refused.status, refused.body.error], [400, "invalid_grant"]);
  });

  it("lets a code work once, and withdraws the token it gave when it is replayed", async () => {
    const { back } = await authorize();
    const code = back.searchParams.get("code") ?? "";
    const first = await exchange(code);
    assert.equal((await profileWith(first.body.access_token ?? "")).status, 200);
    const replay = await exchange(code);
    assert.deepEqual([replay.status, replay.body.error], [400, "invalid_grant"]);
    assert.equal((await profileWith(first.body.access_token ?? "")).status, 401, "the token of a replayed code no longer works");
  });

  it("refuses an expired code", async () => {
    const { back } = await authorize();
    clock += 10 * 60_000 + 1;
    const refused = await exchange(back.searchParams.get("code") ?? "");
    assert.deepEqual([refused.status, refused.body.error], [400, "invalid_grant"]);
  });

  it("renames an account added again with the same central id", async () => {
    await fetch(`${base}/__standin/accounts`, { method: "POST", body: JSON.stringify({ ...ACCOUNT, username: "Example (renamed)" }) });
    const accounts = (await (await fetch(`${base}/__standin/accounts`)).json()) as TStandInAccount[];
    assert.deepEqual(
      accounts.map((account) => [account.sub, account.username]),
      [["4242", "Example (renamed)"]],
    );
  });
});
