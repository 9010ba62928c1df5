import assert from "node:assert/strict";
import { describe, it } from "node:test";

import {
  BODY_LIMIT_BYTES,
  CLIENT_ADDRESS_HEADER,
  FRONT_DOOR_HEADER,
  frontDoor,
  isLoopback,
  normaliseAddress,
  NOT_FOUND_PATH,
  type TIncoming,
  type TVerdict,
} from "./front-door";

const DIRECT = { trustProxy: false, publicUrl: "https://access.example.org", secret: "s3cret" };
const PROXIED = { ...DIRECT, trustProxy: true };

function request(overrides: Partial<TIncoming> = {}): TIncoming {
  return { method: "GET", url: "/", headers: { host: "access.example.org" }, remoteAddress: "::ffff:198.51.100.7", ...overrides };
}

function passed(verdict: TVerdict) {
  assert.ok(verdict.pass, `refused with ${verdict.pass ? "" : verdict.status}`);
  return verdict;
}

function statusOf(verdict: TVerdict) {
  return verdict.pass ? "pass" : verdict.status;
}

describe("forwarded headers", () => {
  it("are dropped unless a proxy is trusted, and the client is the socket's peer", () => {
    const { headers } = passed(
      frontDoor(
        request({
          headers: {
            host: "access.example.org",
            "x-forwarded-for": "203.0.113.9",
            "x-forwarded-host": "evil.example",
            "x-forwarded-proto": "https",
            forwarded: "for=1.2.3.4",
          },
        }),
        DIRECT,
      ),
    );
    assert.equal(headers["x-forwarded-host"], undefined);
    assert.equal(headers["x-forwarded-proto"], "https", "kept: it only decides whether HSTS is sent");
    assert.equal(headers.forwarded, undefined);
    assert.equal(headers["x-forwarded-for"], "198.51.100.7");
    assert.equal(headers[CLIENT_ADDRESS_HEADER], "198.51.100.7");
  });

  it("behind a trusted proxy, keep its headers and take the address it added (the last one)", () => {
    const { headers } = passed(
      frontDoor(
        request({
          headers: { host: "app:3000", "x-forwarded-for": "203.0.113.9, 192.0.2.44", "x-forwarded-host": "access.example.org" },
          remoteAddress: "10.0.0.2",
        }),
        PROXIED,
      ),
    );
    assert.equal(headers["x-forwarded-host"], "access.example.org");
    assert.equal(headers[CLIENT_ADDRESS_HEADER], "192.0.2.44");
  });

  it("never pass on a client's own stamp", () => {
    const { headers } = passed(
      frontDoor(request({ headers: { host: "access.example.org", [CLIENT_ADDRESS_HEADER]: "127.0.0.1", [FRONT_DOOR_HEADER]: "guess" } }), DIRECT),
    );
    assert.equal(headers[CLIENT_ADDRESS_HEADER], "198.51.100.7");
    assert.equal(headers[FRONT_DOOR_HEADER], "s3cret");
  });
});

describe("cross-origin posts", () => {
  const post = (origin: string | undefined, extra: Record<string, string> = {}) =>
    request({ method: "POST", headers: { host: "localhost:3100", "content-length": "10", ...(origin === undefined ? {} : { origin }), ...extra } });

  it("pass from this app, as reached or as published", () => {
    assert.equal(statusOf(frontDoor(post("http://localhost:3100"), DIRECT)), "pass");
    assert.equal(statusOf(frontDoor(post("https://access.example.org"), DIRECT)), "pass");
    assert.equal(statusOf(frontDoor(post(undefined), DIRECT)), "pass");
  });

  it("are refused from another site, another port, or a null origin, with 403", () => {
    for (const origin of ["https://evil.example", "http://localhost:3999", "null", "file://", "not a url"])
      assert.equal(statusOf(frontDoor(post(origin), DIRECT)), 403, origin);
  });

  it("cannot be let in by a forged X-Forwarded-Host unless the proxy is trusted", () => {
    assert.equal(statusOf(frontDoor(post("https://evil.example", { "x-forwarded-host": "evil.example" }), DIRECT)), 403);
    assert.equal(statusOf(frontDoor(post("https://access.example.org", { host: "app:3000", "x-forwarded-host": "access.example.org" }), PROXIED)), "pass");
  });
});

describe("methods and bodies", () => {
  it("answer 405 to PUT, DELETE, PATCH and OPTIONS on pages, and leave the API to its handlers", () => {
    for (const method of ["PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"]) {
      const verdict = frontDoor(request({ method, url: "/review" }), DIRECT);
      assert.equal(statusOf(verdict), 405, method);
      assert.equal(!verdict.pass && verdict.headers.Allow, "GET, HEAD, POST");
    }
    assert.equal(statusOf(frontDoor(request({ method: "DELETE", url: "/api/health" }), DIRECT)), "pass");
  });

  it("answer 413 to a body over the limit, 411 to a body of unknown length, 400 to a nonsense length", () => {
    const body = (headers: Record<string, string>) => frontDoor(request({ method: "POST", headers: { host: "access.example.org", ...headers } }), DIRECT);
    assert.equal(statusOf(body({ "content-length": String(BODY_LIMIT_BYTES) })), "pass");
    assert.equal(statusOf(body({ "content-length": String(BODY_LIMIT_BYTES + 1) })), 413);
    assert.equal(statusOf(body({ "transfer-encoding": "chunked" })), 411);
    assert.equal(statusOf(body({ "content-length": "-1" })), 400);
  });
});

describe("paths", () => {
  it("send a path that does not decode, or decodes to a control character, to the app's not-found page", () => {
    for (const url of ["/review/%00", "/review/%00/decide", "/requests/%FF", "/review/%E0%A4%A", "/review/%0A"]) {
      assert.equal(passed(frontDoor(request({ url }), DIRECT)).url, NOT_FOUND_PATH, url);
    }
  });

  it("leave every other path and its query as they are", () => {
    for (const url of ["/", "/review/abc?view=new&after=%00", "/register?q=%FF", "/requests/caf%C3%A9"])
      assert.equal(passed(frontDoor(request({ url }), DIRECT)).url, url);
  });
});

describe("addresses", () => {
  it("reads IPv4 in IPv6 as IPv4, and nothing else as an address", () => {
    assert.equal(normaliseAddress("::ffff:127.0.0.1"), "127.0.0.1");
    assert.equal(normaliseAddress("2001:DB8::1"), "2001:db8::1");
    assert.equal(normaliseAddress("localhost"), undefined);
    assert.equal(normaliseAddress(undefined), undefined);
  });

  it("knows the loopback interface", () => {
    for (const address of ["127.0.0.1", "127.1.2.3", "::1"]) assert.equal(isLoopback(address), true, address);
    for (const address of ["192.0.2.2", "fd00::2", "::ffff:127.0.0.1", undefined]) assert.equal(isLoopback(address), false, String(address));
  });
});
