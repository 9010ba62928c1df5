import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);

const BINS = { prisma: "prisma/build/index.js", next: "next/dist/bin/next" } as const;

/** Runs a package's command-line tool with this Node; rejects with its output when it fails. */
export function runNodeBin(name: keyof typeof BINS, args: string[], env: NodeJS.ProcessEnv, { quiet = false } = {}): Promise<void> {
  const script = require.resolve(BINS[name], { paths: [path.resolve(".")] });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { env, stdio: quiet ? "pipe" : "inherit" });
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${name} ${args.join(" ")} failed (exit code ${code})\n${output}`))));
  });
}
