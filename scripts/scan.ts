// `npm run scan [-- http://localhost:PORT]`: runs Debian's wapiti against the app, anonymously and
// signed in as an applicant and as a WMF reviewer, and fails when a finding of medium severity or
// higher remains. Without a URL it starts its own production-mode app on free ports with a
// throwaway embedded database; with one, DATA_DIR or DATABASE_URL must name that app's database.
// Not part of `npm test`: it needs `apt-get install wapiti`. See bench/results/scan/README.md.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";

import { SMTPServer } from "smtp-server";

import { createScanFixtures, keepScanSessions, sessionExists } from "./scan-fixtures";

const OUT_DIR = path.resolve("bench/results/scan");
const SCAN_SECONDS = Number(process.env.SCAN_SECONDS ?? 300);
const LOOPBACK = ["localhost", "127.0.0.1", "[::1]"];
// ssrf needs wapiti's public endpoint, which a machine without internet cannot reach.
const MODULES = "common,-ssrf,csrf,crlf,methods";
const MODULE_COUNT = 13; // the 11 in "common", less ssrf, and the three added
/** wapiti's levels (wapitiCore/language/vulnerability.py) and the names used here. */
const SEVERITY: Record<number, string> = { 4: "critical", 3: "high", 2: "medium", 1: "low", 0: "info" };
const FAIL_AT = 2;

type TProfile = { name: string; token?: string; startPaths: string[] };
type TFinding = {
  profile: string;
  kind: "vulnerability" | "anomaly";
  category: string;
  level: number;
  method: string;
  path: string;
  parameter: string;
  info: string;
};
type TAccepted = { category: string; path: string; info?: string; reason: string };

const log = (line: string) => console.log(`[scan] ${line}`);
const scans: ChildProcess[] = [];
let stopApp: () => Promise<void> = async () => {};

async function main() {
  const wapiti = spawnSync("wapiti", ["--version"], { encoding: "utf8" });
  if (wapiti.error) throw new Error("wapiti is not installed: `apt-get install -y wapiti` (Debian)");
  const version = /Wapiti[- ](\d[\w.]*)/.exec(wapiti.stdout)?.[1] ?? "unknown";

  mkdirSync(OUT_DIR, { recursive: true });
  const given = process.argv[2];
  const app = given ? reuse(given) : await startApp();
  if (!given) await keepScanSessions(app.databaseUrl);
  else log("Scanning an app you started: wapiti's crawler posts the sign-out form, so the signed-in runs may end early");
  const people = await createScanFixtures(app.databaseUrl);
  const profiles: TProfile[] = [
    {
      name: "anonymous",
      // Auth.js's own pages and the health check are linked from nowhere a crawler would find them.
      startPaths: [
        "/",
        "/signin",
        "/signin/check-email",
        "/signin/error?error=Verification",
        "/requests",
        "/review",
        "/admin/users",
        "/api/health",
        "/api/auth/signin",
        "/api/auth/session",
        "/api/auth/providers",
      ],
    },
    {
      name: "applicant",
      token: people.applicant.token,
      startPaths: ["/requests", `/requests/${people.applicant.draftId}`, `/requests/${people.applicant.submittedId}`],
    },
    { name: "reviewer", token: people.reviewer.token, startPaths: ["/review", `/review/${people.reviewer.submittedId}`, "/review/dashboard"] },
  ];

  log(`wapiti ${version} against ${app.base}, ${SCAN_SECONDS} s per run, the three runs side by side`);
  const findings = (await Promise.all(profiles.map((profile) => runWapiti(app.base, profile)))).flat();
  const sessions = await Promise.all(
    profiles.filter((profile) => profile.token).map(async (profile) => [profile.name, await sessionExists(app.databaseUrl, profile.token!)] as const),
  );
  await app.stop();

  const accepted = readAccepted();
  const remaining = findings.filter((finding) => finding.level >= FAIL_AT && !acceptedReason(accepted, finding));
  writeFileSync(path.join(OUT_DIR, "summary.md"), summary(version, findings, accepted, sessions));
  log(
    `${findings.length} findings; ${remaining.length} of medium severity or higher not accepted. Summary: ${path.relative(process.cwd(), OUT_DIR)}/summary.md`,
  );
  return remaining.length === 0 ? 0 : 1;
}

type TApp = { base: string; databaseUrl: string; stop: () => Promise<void> };

function reuse(url: string): TApp {
  const target = new URL(url);
  if (!LOOPBACK.includes(target.hostname)) throw new Error(`Refusing to scan ${target.hostname}: only an app on this machine (localhost)`);
  const databaseUrl = process.env.DATABASE_URL ?? readFileSync(path.join(process.env.DATA_DIR ?? ".data", "database-url"), "utf8").trim();
  return { base: target.origin, databaseUrl, stop: async () => {} };
}

async function startApp(): Promise<TApp> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "scan-"));
  chmodSync(dataDir, 0o755); // the embedded PostgreSQL runs as user postgres when we are root
  const [port, dbPort, smtpPort] = [await freePort(), await freePort(), await freePort()];
  // Production mode, as deployed: HSTS, no development mailbox. Email goes to a sink that keeps nothing.
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData: (stream, _s, done) => stream.on("end", () => done()).resume(),
  });
  await new Promise<void>((resolve) => smtp.listen(smtpPort, "127.0.0.1", resolve));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    APP_ENV: "production",
    PORT: String(port),
    EMBEDDED_DB_PORT: String(dbPort),
    DATA_DIR: dataDir,
    DEMO_DATA: "false",
    AUTH_SECRET: randomBytes(33).toString("base64"),
    AUTH_URL: `http://localhost:${port}`,
    // As behind a reverse proxy. Without it Auth.js refuses every request in production even with
    // AUTH_URL set (lib/auth.ts passes trustHost: false, which Auth.js does not override), and the
    // signed-in runs would quietly scan as nobody.
    AUTH_TRUST_HOST: "true",
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    MAIL_FROM: "Scan <scan@example.org>",
  };
  delete env.DATABASE_URL;
  log(`Starting the app on port ${port} (database ${dbPort}, data in ${dataDir})`);
  // The app's own log (errors with their stack) helps judge what wapiti calls an anomaly.
  const appLog = openSync(path.join(OUT_DIR, "app.log"), "w");
  const app = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { env, stdio: ["ignore", appLog, appLog] });
  const exited = new Promise((resolve) => app.once("exit", resolve));
  stopApp = async () => {
    stopApp = async () => {};
    if (app.exitCode === null && app.signalCode === null) app.kill("SIGTERM");
    await exited;
    smtp.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  await waitUntilHealthy(port, app);
  return { base: `http://localhost:${port}`, databaseUrl: readFileSync(path.join(dataDir, "database-url"), "utf8").trim(), stop: () => stopApp() };
}

async function waitUntilHealthy(port: number, app: ChildProcess) {
  for (let waited = 0; waited < 600_000; waited += 1000) {
    if (app.exitCode !== null) throw new Error("The app stopped while starting");
    try {
      if ((await fetch(`http://localhost:${port}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error("The app did not become healthy within 10 minutes");
}

function freePort() {
  return new Promise<number>((resolve, reject) => {
    const probe = createServer().once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** The sign-out form is on every page; submitting it would end the very session being scanned. */
function signOutActionField() {
  const manifest = path.resolve(".next/server/server-reference-manifest.json");
  if (!existsSync(manifest)) return undefined;
  const { node } = JSON.parse(readFileSync(manifest, "utf8")) as { node: Record<string, { exportedName?: string }> };
  const id = Object.entries(node).find(([, entry]) => entry.exportedName === "signOutAction")?.[0];
  return id ? `$ACTION_ID_${id}` : undefined;
}

async function runWapiti(base: string, profile: TProfile): Promise<TFinding[]> {
  const report = path.join(OUT_DIR, `${profile.name}.json`);
  const crawlSeconds = Math.round(SCAN_SECONDS * 0.2);
  const attackSeconds = Math.max(5, Math.floor((SCAN_SECONDS * 0.8) / MODULE_COUNT));
  const session = mkdtempSync(path.join(os.tmpdir(), "wapiti-"));
  const args = [
    "-u",
    `${base}/`,
    "--scope",
    "folder",
    "-m",
    MODULES,
    "--flush-session",
    "--store-session",
    session,
    "--store-config",
    session,
    "--max-scan-time",
    String(crawlSeconds),
    "--max-attack-time",
    String(attackSeconds),
    "-t",
    "10",
    "-f",
    "json",
    "-o",
    report,
    "-v",
    "1",
    "--no-bugreport",
    ...profile.startPaths.flatMap((start) => ["-s", `${base}${start}`]),
  ];
  // Not `-x`: Debian's 3.0.4 fails on any exclusion under Python 3.11 ("global flags not at the
  // start"). Not attacking a form's only field keeps wapiti from posting it: Auth.js's sign-out
  // form has just csrfToken, the app's just its action id.
  args.push("--skip", "csrfToken");
  const signOut = signOutActionField();
  if (signOut) args.push("--skip", signOut);
  if (profile.token) args.push("-H", `Cookie: authjs.session-token=${profile.token}`);

  const output: string[] = [];
  const run = spawn("wapiti", args, { stdio: ["ignore", "pipe", "pipe"] });
  scans.push(run);
  run.stdout.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  run.stderr.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  // wapiti bounds the crawl and each module, not the whole run: this bounds the whole run.
  const deadline = setTimeout(() => run.kill("SIGINT"), (SCAN_SECONDS + 60) * 1000);
  const code = await new Promise<number | null>((resolve) => run.once("exit", resolve));
  clearTimeout(deadline);
  writeFileSync(path.join(OUT_DIR, `${profile.name}.log`), output.join("").replace(/authjs\.session-token=\w+/g, "authjs.session-token=…"));
  rmSync(session, { recursive: true, force: true });
  if (!existsSync(report)) throw new Error(`wapiti (${profile.name}) wrote no report (exit ${code}); see ${profile.name}.log`);
  const text = readFileSync(report, "utf8").replace(/authjs\.session-token=\w+/g, "authjs.session-token=…");
  writeFileSync(report, text);
  log(`${profile.name}: done (exit ${code})`);
  return findingsOf(profile.name, JSON.parse(text));
}

type TEntry = { method: string; path: string; info: string; level: number | string; parameter: string };
type TReport = { vulnerabilities: Record<string, TEntry[]>; anomalies: Record<string, TEntry[]> };

function findingsOf(profile: string, report: TReport): TFinding[] {
  const list = (kind: TFinding["kind"], groups: Record<string, TEntry[]>) =>
    Object.entries(groups).flatMap(([category, entries]) =>
      entries.map((entry) => ({
        profile,
        kind,
        category,
        level: Number(entry.level),
        method: entry.method,
        path: entry.path,
        parameter: entry.parameter,
        info: entry.info,
      })),
    );
  return [...list("vulnerability", report.vulnerabilities), ...list("anomaly", report.anomalies)];
}

/** Reviewed false positives: bench/results/scan/accepted.json, each with the reason. */
function readAccepted(): TAccepted[] {
  const file = path.join(OUT_DIR, "accepted.json");
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as TAccepted[]) : [];
}

function acceptedReason(accepted: TAccepted[], finding: TFinding) {
  return accepted.find(
    (entry) =>
      entry.category === finding.category && (entry.path === "*" || entry.path === finding.path) && (entry.info === undefined || entry.info === finding.info),
  )?.reason;
}

function summary(version: string, findings: TFinding[], accepted: TAccepted[], sessions: (readonly [string, boolean])[]) {
  const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\s+/g, " ").slice(0, 160);
  const rows = [...findings]
    .sort((a, b) => b.level - a.level || a.category.localeCompare(b.category))
    .map(
      (f) =>
        `| ${SEVERITY[f.level] ?? f.level} | ${f.profile} | ${f.kind} | ${cell(f.category)} | ${f.method} ${cell(f.path)} | ${cell(f.parameter)} | ${cell(f.info)} | ${f.level >= FAIL_AT ? cell(acceptedReason(accepted, f) ?? "**open**") : ""} |`,
    );
  const counts = Object.entries(SEVERITY)
    .reverse()
    .map(([level, name]) => `${name} ${findings.filter((f) => f.level === Number(level)).length}`)
    .join(", ");
  return [
    "# Scan results",
    "",
    `wapiti ${version}, modules \`${MODULES}\`, ${SCAN_SECONDS} s per run, run ${new Date().toISOString()}.`,
    `Findings by severity: ${counts}.`,
    `Sessions still valid after their run: ${sessions.map(([name, alive]) => `${name} ${alive ? "yes" : "no"}`).join(", ")}.`,
    "",
    "| Severity | Run | Kind | Category | Where | Parameter | What wapiti says | Verdict |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ...rows,
    "",
  ].join("\n");
}

/** Stops wapiti, then the app and its database (which also removes the throwaway data). */
async function stopEverything() {
  for (const scan of scans) scan.kill("SIGTERM");
  await stopApp();
}

async function shutdownOnSignal() {
  await stopEverything();
  process.exit(130);
}
process.on("SIGINT", () => void shutdownOnSignal());
process.on("SIGTERM", () => void shutdownOnSignal());

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error(`[scan] ${error instanceof Error ? error.message : String(error)}`);
    void stopEverything().then(() => process.exit(2));
  });
