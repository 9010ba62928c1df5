import "server-only";

import { db } from "@/lib/db";

const TIMEOUT_MS = 2000;

export async function checkDatabase(): Promise<{ status: "up" | "down"; latencyMs?: number }> {
  const started = performance.now();
  try {
    await Promise.race([db().$queryRaw`SELECT 1`, new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), TIMEOUT_MS))]);
    return { status: "up", latencyMs: Math.round(performance.now() - started) };
  } catch {
    return { status: "down" };
  }
}
