// nginx (Debian's package) with the site configuration of deploy/nginx/, in the foreground, on the
// test's ports: what production runs in front of the app instances.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chownSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const SITE_CONFIG = path.resolve("deploy/nginx/exceptional-access.conf");

export function nginxBin() {
  const found = [process.env.NGINX_BIN, "/usr/sbin/nginx", "/usr/bin/nginx"].find((candidate) => candidate && existsSync(candidate));
  if (!found) throw new Error("No nginx found: install Debian's `nginx` package (apt-get install nginx), or set NGINX_BIN.");
  return found;
}

/** Replaces `from` with `to` where it occurs exactly once, so a change to the site file cannot silently break the test's edits. */
function replaceOnce(text: string, from: string, to: string) {
  const count = text.split(from).length - 1;
  if (count !== 1) throw new Error(`${SITE_CONFIG}: expected "${from}" once, found it ${count} times`);
  return text.replace(from, to);
}

/** The site file with the test's ports and log, inside a main configuration of the test's own. */
export function writeNginxConfig({ prefix, port, instances }: { prefix: string; port: number; instances: [number, number] }) {
  let site = readFileSync(SITE_CONFIG, "utf8");
  site = replaceOnce(site, "server 127.0.0.1:3001 ", `server 127.0.0.1:${instances[0]} `);
  site = replaceOnce(site, "server 127.0.0.1:3002 ", `server 127.0.0.1:${instances[1]} `);
  site = replaceOnce(site, "listen 80;", `listen 127.0.0.1:${port};`);
  site = replaceOnce(site, "/var/log/nginx/exceptional-access.log", path.join(prefix, "access.log"));
  writeFileSync(path.join(prefix, "site.conf"), site);

  const temp = path.join(prefix, "temp");
  // As root, nginx's workers run as nobody, and write request bodies and buffered answers here.
  const asRoot = process.getuid?.() === 0;
  for (const folder of ["body", "proxy", "fastcgi", "uwsgi", "scgi"]) {
    mkdirSync(path.join(temp, folder), { recursive: true });
    if (asRoot) chownSync(path.join(temp, folder), 65534, 65534);
  }
  const main = [
    "daemon off;",
    "worker_processes 1;",
    ...(asRoot ? ["user nobody nogroup;"] : []),
    `pid ${path.join(prefix, "nginx.pid")};`,
    `error_log ${path.join(prefix, "error.log")} notice;`,
    "events { worker_connections 1024; }",
    "http {",
    ...["body", "proxy", "fastcgi", "uwsgi", "scgi"].map((folder) => `  ${folder === "body" ? "client_body" : folder}_temp_path ${path.join(temp, folder)};`),
    `  include ${path.join(prefix, "site.conf")};`,
    "}",
    "",
  ].join("\n");
  const mainFile = path.join(prefix, "nginx.conf");
  writeFileSync(mainFile, main);
  return mainFile;
}

/** Checks the configuration, then runs nginx in the foreground; SIGQUIT stops it once open requests are answered. */
export function startNginx(prefix: string, mainFile: string): ChildProcess {
  const args = ["-p", prefix, "-e", path.join(prefix, "error.log"), "-c", mainFile];
  const check = spawnSync(nginxBin(), [...args, "-t"], { encoding: "utf8" });
  if (check.status !== 0) throw new Error(`nginx refused its configuration:\n${check.stderr}`);
  return spawn(nginxBin(), args, { stdio: ["ignore", "ignore", "pipe"] });
}

/**
 * The access log's lines: the client, method, path and status, the instance that answered
 * (`upstream`) and every one tried, in order (a refused connection moves a request on to the next).
 */
export function servedBy(prefix: string) {
  const file = path.join(prefix, "access.log");
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .flatMap((line) => {
      const match = line.match(/^(\S+) \[[^\]]+\] "(\S+) (\S+) [^"]*" (\d{3}) .* upstream=(.*) upstream_status=/);
      if (!match) return [];
      const tried = match[5]!.split(/,\s*/).filter(Boolean);
      return [{ client: match[1]!, method: match[2]!, path: match[3]!, status: Number(match[4]), upstream: tried.at(-1) ?? "", tried }];
    });
}
