import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { plainJson, withoutBidiControls } from "./text";

const CONTROLS = ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069"];

describe("text leaving the pages", () => {
  it("loses every embedding, override and isolate control, and keeps everything else", () => {
    for (const control of CONTROLS) assert.equal(withoutBidiControls(`abc${control}def`), "abcdef", control.codePointAt(0)!.toString(16));
    assert.equal(withoutBidiControls("خرائط \u200Fويكي\u200E Maps"), "خرائط \u200Fويكي\u200E Maps");
  });

  it("writes JSON whose strings, however deep, carry no bidirectional control", () => {
    const text = plainJson({ name: "\u202Egnp.exe", entries: [{ summary: "a\u2066b\u2069" }], count: 2 });
    assert.ok(!CONTROLS.some((control) => text.includes(control)));
    assert.deepEqual(JSON.parse(text), { name: "gnp.exe", entries: [{ summary: "ab" }], count: 2 });
  });
});
