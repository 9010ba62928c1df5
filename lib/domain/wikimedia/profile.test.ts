import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { accountFacts, notableGroups, parseMediaWikiTimestamp, wikimediaUser } from "./profile";

const PROFILE = {
  sub: "12345678",
  username: "Example",
  editcount: 12345,
  confirmed_email: true,
  email: "Example@Example.org",
  realname: "Ada Example",
  blocked: false,
  registered: "20120304050607",
  groups: ["*", "user", "sysop"],
};

describe("a Wikimedia profile, as the app reads it", () => {
  it("knows the person by the central id, names them by the real name or else the username, and keeps a confirmed address", () => {
    assert.deepEqual(wikimediaUser(PROFILE), { id: "12345678", name: "Ada Example", email: "example@example.org", image: null });
    assert.equal(wikimediaUser({ ...PROFILE, realname: "" }).name, "Example");
    assert.equal(wikimediaUser({ ...PROFILE, realname: undefined }).name, "Example");
  });

  it("drops an address Wikimedia has not confirmed, or one that is missing, so that it cannot sign in or link", () => {
    assert.equal(wikimediaUser({ ...PROFILE, confirmed_email: false }).email, null);
    assert.equal(wikimediaUser({ ...PROFILE, confirmed_email: "true" }).email, null, "only the boolean true confirms");
    assert.equal(wikimediaUser({ ...PROFILE, email: undefined }).email, null);
    assert.equal(wikimediaUser({ ...PROFILE, email: "  " }).email, null);
  });

  it("reads fields of the wrong type as missing", () => {
    assert.deepEqual(wikimediaUser({ sub: 42, username: ["x"] }), { id: "", name: "", email: null, image: null });
  });

  it("reads MediaWiki timestamps as UTC moments, and nothing else", () => {
    assert.equal(parseMediaWikiTimestamp("20120304050607")?.toISOString(), "2012-03-04T05:06:07.000Z");
    assert.equal(parseMediaWikiTimestamp("20240229235959")?.toISOString(), "2024-02-29T23:59:59.000Z");
    for (const value of ["20230229000000", "2012030405060", "2012-03-04T05:06:07Z", "", null, undefined, 20120304050607, "20121304050607"]) {
      assert.equal(parseMediaWikiTimestamp(value), null, String(value));
    }
  });

  it("keeps of the account only what reviewers are shown, each field checked", () => {
    const at = new Date("2026-12-07T10:00:00Z");
    assert.deepEqual(accountFacts({ ...PROFILE, rights: ["edit"] } as Record<string, unknown>, at), {
      username: "Example",
      editCount: 12345,
      registeredAt: new Date("2012-03-04T05:06:07Z"),
      groups: ["*", "user", "sysop"],
      blocked: false,
      checkedAt: at,
    });
    assert.deepEqual(accountFacts({ sub: "1", username: "New", editcount: -3, registered: "yesterday", groups: "sysop", blocked: "yes" }, at), {
      username: "New",
      editCount: null,
      registeredAt: null,
      groups: [],
      blocked: false,
      checkedAt: at,
    });
  });

  it("names the groups that say something of the person", () => {
    assert.deepEqual(notableGroups(["*", "user", "autoconfirmed", "bot", "sysop"]), ["bot", "sysop"]);
  });
});
