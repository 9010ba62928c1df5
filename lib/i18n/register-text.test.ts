import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { messagesFor } from "./messages";
import { apiNames, periodText } from "./register-text";
import { createTranslator } from "./translator";

describe("the register's words", () => {
  it("writes a grant's period with the language's long date", () => {
    const en = createTranslator("en", messagesFor("en"));
    const de = createTranslator("de", messagesFor("de"));
    const period = { startsOn: "2026-12-06", expiresOn: "2027-12-05", endedOn: null };
    assert.equal(periodText(en, period, "en-GB"), "From 6 December 2026 to 5 December 2027");
    assert.equal(periodText(de, period, "de-DE"), "Vom 6. Dezember 2026 bis zum 5. Dezember 2027");
    assert.equal(periodText(en, { ...period, endedOn: "2027-03-01" }, "en-GB"), "From 6 December 2026, planned to 5 December 2027, ended on 1 March 2027");
  });

  it("lists the APIs the way the language lists things", () => {
    const en = createTranslator("en", messagesFor("en"));
    assert.match(apiNames(en, ["snapshot", "realtime"], "en-GB"), /^Snapshot API.*Realtime API$/);
  });
});
