// Moves the clock of the app and its worker under test (CLOCK_FILE, see lib/clock.ts), so a test
// can reach a reminder or an expiry without waiting for it.
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";

import { E2E } from "./settings";

export const clockFile = path.join(E2E.dataDir, "clock.json");

/** From now on, the app and the worker believe it is `at` (and time runs on from there). */
export function setClock(at: Date) {
  writeFileSync(clockFile, JSON.stringify({ offsetMs: at.getTime() - Date.now() }));
}

/** Back to the real time. */
export function resetClock() {
  rmSync(clockFile, { force: true });
}
