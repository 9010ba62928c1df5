import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const SOURCES = ["app", "components", "lib", "i18n", "public", "proxy.ts", "instrumentation-client.ts", "next.config.js", "package-lock.json"];

export type TBuildState = { state: "missing" } | { state: "stale"; changed: string } | { state: "current" };

/** Whether there is a production build, and if so whether a source file changed after it was made (and which). */
export function buildState(): TBuildState {
  const buildId = path.join(".next", "BUILD_ID");
  if (!existsSync(buildId)) return { state: "missing" };
  const builtAt = statSync(buildId).mtimeMs;
  for (const source of SOURCES) {
    const changed = changedSince(source, builtAt);
    if (changed) return { state: "stale", changed };
  }
  return { state: "current" };
}

/** The first file or folder under `entry` changed after `since`, if any. */
function changedSince(entry: string, since: number): string | undefined {
  if (!existsSync(entry)) return undefined;
  const stat = statSync(entry);
  if (stat.mtimeMs > since) return entry;
  if (!stat.isDirectory()) return undefined;
  for (const child of readdirSync(entry)) {
    if (child === "generated" || child === "node_modules") continue;
    const changed = changedSince(path.join(entry, child), since);
    if (changed) return changed;
  }
  return undefined;
}
