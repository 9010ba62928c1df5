// The application's clock. Every rule about time (expiry, reply-by dates, reminders) reads it, in
// the app and in the worker, so a test can move both forward together without waiting.
import { readFileSync, statSync } from "node:fs";

let cache: { path: string; mtimeMs: number; offsetMs: number } | undefined;

/**
 * Outside production, `CLOCK_FILE` may name a JSON file `{ "offsetMs": n }`: every process reads
 * it (again when it changes) and runs that many milliseconds ahead of the real time. Production
 * ignores it, and the settings check refuses it there (lib/env.ts).
 */
function offsetMs(): number {
  const file = process.env.CLOCK_FILE;
  if (!file || process.env.APP_ENV === "production") return 0;
  try {
    const { mtimeMs } = statSync(file);
    if (cache?.path !== file || cache.mtimeMs !== mtimeMs) {
      const parsed: unknown = JSON.parse(readFileSync(file, "utf8"));
      const value = parsed && typeof parsed === "object" && "offsetMs" in parsed ? Number(parsed.offsetMs) : 0;
      cache = { path: file, mtimeMs, offsetMs: Number.isFinite(value) ? value : 0 };
    }
    return cache.offsetMs;
  } catch {
    // No file yet, or one being written: the real time.
    return 0;
  }
}

/** Now, as the application sees it. */
export function currentTime(): Date {
  return new Date(Date.now() + offsetMs());
}
