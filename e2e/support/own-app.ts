// For specs that start an app of their own with `npm start` (resilience, strangers): its health,
// asked with a deadline of its own so one hung answer cannot use up a whole wait, and the end of
// its log for a failed run's report.
import { existsSync, readFileSync } from "node:fs";

import type { TestInfo } from "@playwright/test";

/** The status /api/health answers within 5 s, or undefined when it does not answer. */
export async function healthStatus(baseURL: string): Promise<number | undefined> {
  const response = await fetch(`${baseURL}/api/health`, { signal: AbortSignal.timeout(5_000) }).catch(() => undefined);
  return response?.status;
}

/** Settings every such app gets: the run's build as it is, never rebuilt under the shared app. */
export const OWN_APP_ENV = { BUILD_ON_START: "false", CLOCK_FILE: "" } as const;

/** The app's last log lines, printed (for a start that failed); returned for a report. */
export function printAppLog(logFile: string) {
  if (!existsSync(logFile)) return "";
  const tail = readFileSync(logFile, "utf8").split("\n").slice(-80).join("\n");
  console.log(`--- the last lines of ${logFile} ---\n${tail}`);
  return tail;
}

/** After a failed test, the app's last log lines in the report and on the console. */
export async function reportAppLog(testInfo: TestInfo, logFile: string) {
  if (testInfo.status === testInfo.expectedStatus) return;
  await testInfo.attach("app.log", { body: printAppLog(logFile), contentType: "text/plain" });
}
