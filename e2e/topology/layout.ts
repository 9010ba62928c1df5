// The two-instance deployment under test (docs/deployment.md): where each part listens, logs and
// keeps its files, and how an app instance or a worker is started: with its systemd unit's command.
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

import { reachableFolder } from "../../scripts/embedded-db";
import { E2E } from "../support/settings";

export type TPart = "app-1" | "app-2" | "worker-1" | "worker-2" | "app-restored";

/** nginx on the run's app port, the instances on the next two, a restored copy's on the one after. */
export const TOPOLOGY = {
  nginxPort: E2E.appPort,
  instancePorts: [E2E.appPort + 1, E2E.appPort + 2] as [number, number],
  restoredPort: E2E.appPort + 3,
  dbPort: E2E.dbPort,
  /** nginx's and PostgreSQL's files: out of the project, which may be in a folder their users cannot enter. */
  outside: reachableFolder(`exceptional-access-topology-${createHash("sha256").update(E2E.dataDir).digest("hex").slice(0, 12)}`),
  logs: path.join(E2E.dataDir, "logs"),
  /** What every instance and worker was started with, for the suite to start one again. */
  envFile: path.join(E2E.dataDir, "instance-env.json"),
};

export const nginxPrefix = path.join(TOPOLOGY.outside, "nginx");
export const postgresDir = path.join(TOPOLOGY.outside, "postgres");

/** A systemd unit's (deploy/systemd/) ExecStart, with systemd's "$$" and "%%" read as the "$" and "%" it passes on. */
export function unitExecStart(unit: string) {
  const line = readFileSync(path.resolve("deploy/systemd", unit), "utf8")
    .match(/^ExecStart=(.+)$/m)?.[1]
    ?.trim();
  if (!line) throw new Error(`deploy/systemd/${unit} has no ExecStart`);
  return line.replaceAll("$$", "$").replaceAll("%%", "%");
}

/** What the systemd unit runs, after `/usr/bin/node`: the suite starts each part the same way. */
function unitCommand(unit: string) {
  const [program, ...args] = unitExecStart(unit).split(/\s+/);
  if (program !== "/usr/bin/node") throw new Error(`deploy/systemd/${unit}: expected ExecStart=/usr/bin/node ...`);
  return args;
}

const COMMANDS: Record<"app" | "worker", string[]> = {
  app: unitCommand("exceptional-access-app@.service"),
  worker: unitCommand("exceptional-access-worker@.service"),
};

function pidFile(part: TPart) {
  return path.join(E2E.dataDir, `${part}.pid`);
}

export function logFile(part: TPart | "nginx" | "stack") {
  return path.join(TOPOLOGY.logs, `${part}.log`);
}

/** Starts an app instance (on `port`) or a worker with the settings every part shares, logging to its own file. */
export function startPart(part: TPart, env: NodeJS.ProcessEnv, port?: number): ChildProcess {
  const log = openSync(logFile(part), "a");
  const child = spawn(process.execPath, COMMANDS[part.startsWith("app") ? "app" : "worker"], {
    env: { ...env, ...(port ? { PORT: String(port) } : {}) },
    stdio: ["ignore", log, log],
  });
  if (child.pid) writeFileSync(pidFile(part), String(child.pid));
  return child;
}

/** Whether the part's process still runs. */
export function isRunning(part: TPart) {
  const pid = pidOf(part);
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return /scripts\/(serve|worker)/.test(readFileSync(`/proc/${pid}/cmdline`, "utf8"));
  } catch {
    return false;
  }
}

export function pidOf(part: TPart) {
  if (!existsSync(pidFile(part))) return undefined;
  const pid = Number(readFileSync(pidFile(part), "utf8"));
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** Sends SIGTERM, as systemd does, and waits for the part to exit; returns how long that took. */
export async function stopPart(part: TPart, { within = 15_000 } = {}): Promise<number> {
  const started = Date.now();
  const pid = pidOf(part);
  if (pid && isRunning(part)) {
    process.kill(pid, "SIGTERM");
    while (isRunning(part)) {
      if (Date.now() - started > within) {
        process.kill(pid, "SIGKILL");
        throw new Error(`${part} did not stop within ${within / 1000} s`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  rmSync(pidFile(part), { force: true });
  return Date.now() - started;
}

/** The environment the stack gave its parts. */
export function sharedEnv(): NodeJS.ProcessEnv {
  return JSON.parse(readFileSync(TOPOLOGY.envFile, "utf8")) as NodeJS.ProcessEnv;
}
