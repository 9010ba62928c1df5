// A PostgreSQL server of the operating system's own (Debian's `postgresql` package), started
// separately from the app as a managed database would be: its own cluster, password
// authentication over TCP, and a role and database for the app that are not the superuser's.
import { spawn, spawnSync, type ChildProcess, type SpawnSyncOptions } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chownSync, existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";

import pg from "pg";

export type TPostgresServer = {
  /** The app's connection: its own role and database. */
  url: string;
  /** The superuser's, for setting up and for fresh databases. */
  adminUrl: string;
  stop: () => Promise<void>;
};

const APP_ROLE = "exceptional_access";

/** Where Debian installs a server's programs: PG_BIN, else the newest /usr/lib/postgresql/N/bin. */
export function postgresBin(program: string) {
  const versions = existsSync("/usr/lib/postgresql")
    ? readdirSync("/usr/lib/postgresql")
        .filter((version) => existsSync(`/usr/lib/postgresql/${version}/bin/initdb`))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const dir = process.env.PG_BIN ?? (versions[0] ? `/usr/lib/postgresql/${versions[0]}/bin` : undefined);
  if (!dir || !existsSync(path.join(dir, program))) {
    throw new Error("No PostgreSQL server found: install Debian's `postgresql` package (apt-get install postgresql), or set PG_BIN to its bin folder.");
  }
  return path.join(dir, program);
}

/** PostgreSQL refuses to run as root: then the server is the "postgres" user's, as the package runs it. */
function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const lookup = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
  const group = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
  if (lookup.status !== 0) throw new Error('Running as root, the server needs the "postgres" user that Debian\'s package creates.');
  return { uid: Number(lookup.stdout.trim()), gid: Number(group.stdout.trim()) };
}

function run(program: string, args: string[], options: SpawnSyncOptions) {
  const result = spawnSync(postgresBin(program), args, { ...options, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${program} failed: ${result.stderr || result.stdout}`);
}

/** Makes a cluster in `dir` (a folder the server's user can enter), starts it on `port` and makes the app's role and database. */
export async function startPostgresServer({ dir, port, log }: { dir: string; port: number; log: (line: string) => void }): Promise<TPostgresServer> {
  const user = serverUser();
  const dataDir = path.join(dir, "data");
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (user) chownSync(dir, user.uid, user.gid);
  const superPassword = randomBytes(18).toString("base64url");
  const passwordFile = path.join(dir, "superuser-password");
  writeFileSync(passwordFile, superPassword, { mode: 0o600 });
  if (user) chownSync(passwordFile, user.uid, user.gid);

  log(`Creating a PostgreSQL cluster with ${postgresBin("initdb")}`);
  run("initdb", ["-D", dataDir, "-U", "postgres", "--auth=scram-sha-256", "--pwfile", passwordFile, "-E", "UTF8", "--locale=C.UTF-8"], { ...user });

  const server: ChildProcess = spawn(
    postgresBin("postgres"),
    ["-D", dataDir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"],
    { ...user, stdio: ["ignore", "ignore", "pipe"] },
  );
  const lines: string[] = [];
  server.stderr?.on("data", (chunk: Buffer) => lines.push(...chunk.toString().split("\n").filter(Boolean)));
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));

  const adminUrl = `postgresql://postgres:${superPassword}@127.0.0.1:${port}/postgres`;
  const admin = await connectWhenReady(adminUrl, server, lines);
  const password = randomBytes(18).toString("base64url");
  await admin.query(`CREATE ROLE ${APP_ROLE} LOGIN PASSWORD '${password}'`);
  await admin.query(`CREATE DATABASE ${APP_ROLE} OWNER ${APP_ROLE}`);
  await admin.end();
  log(`PostgreSQL is running on 127.0.0.1:${port} (cluster in ${dataDir})`);

  return {
    url: `postgresql://${APP_ROLE}:${password}@127.0.0.1:${port}/${APP_ROLE}`,
    adminUrl,
    stop: async () => {
      if (server.exitCode !== null || server.signalCode !== null) return;
      // A fast shutdown: open sessions are ended, everything committed is kept.
      server.kill("SIGINT");
      await exited;
    },
  };
}

async function connectWhenReady(url: string, server: ChildProcess, lines: string[]) {
  for (let attempt = 0; attempt < 150; attempt++) {
    if (server.exitCode !== null) throw new Error(`PostgreSQL stopped at its start:\n${lines.join("\n")}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      return client;
    } catch {
      await client.end().catch(() => {});
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(`PostgreSQL did not accept connections within 30 s:\n${lines.join("\n")}`);
}
