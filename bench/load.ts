// `npm run bench:load`: 50 reviewers and requesters at once for 60 s against the production build
// on 100,000 requests, over loopback; throughput, latency and errors go to bench/results/load.json
// and load.md, and every write the load saw acknowledged is looked for in the database afterwards
// (see bench/README.md). `npm run bench:load -- --duration 10 --connections 10` for a quicker look;
// `--url` drives an app already running behind a proxy on this machine (e2e/topology/ does).
import { randomBytes, randomUUID } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import pg from "pg";

import { APIS, EXCEPTION_TYPES, REQUESTER_KINDS } from "@/lib/domain/request/options";

import { autocannon, databaseUrl, figures, grouped, round2, seedRequests, session, startApp, stopApp, type TFigures, type TRequest } from "./support/app";

// --- Settings ----------------------------------------------------------------------------------

const { values: flags } = parseArgs({
  options: {
    connections: { type: "string", default: "50" },
    duration: { type: "string", default: "60" },
    requests: { type: "string", default: "100000" },
    reviewers: { type: "string" },
    timeout: { type: "string", default: "30" },
    port: { type: "string", default: "3600" },
    "db-port": { type: "string", default: "54379" },
    "data-dir": { type: "string", default: ".data/load" },
    reuse: { type: "boolean", default: false },
    url: { type: "string" },
    results: { type: "string" },
  },
});

const wholeFlag = (name: keyof typeof flags, min: number, max: number) => {
  const value = Number(flags[name]);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`--${name} must be a whole number from ${min} to ${max}`);
  return value;
};

// Bounded, so a typo cannot leave the machine under load for an hour.
const CONNECTIONS = wholeFlag("connections", 2, 500);
const DURATION_S = wholeFlag("duration", 1, 600);
const REQUESTS = wholeFlag("requests", 100, 1_000_000);
const TIMEOUT_S = wholeFlag("timeout", 1, 120);
const PORT = wholeFlag("port", 1024, 65535);
const DB_PORT = wholeFlag("db-port", 1024, 65535);
// Most people on the app at a busy hour are reviewers working the queue; a third are requesters.
const REVIEWERS = flags.reviewers === undefined ? Math.round((CONNECTIONS * 2) / 3) : wholeFlag("reviewers", 1, CONNECTIONS - 1);
const REQUESTERS = CONNECTIONS - REVIEWERS;
const DATA_DIR = path.resolve(flags["data-dir"]!);
const BASE = flags.url ? loopbackUrl(flags.url) : `http://127.0.0.1:${PORT}`;
// An app reached by --url is one already running (its database named by --data-dir).
const REUSE = Boolean(flags.reuse || flags.url);
const RESULTS_DIR = flags.results ? path.resolve(flags.results) : path.join(import.meta.dirname, "results");
const RUN = randomBytes(4).toString("hex");

// `npm start` (3000/54320) and the e2e run (3100/54329) keep their ports.
if ([3000, 3100].includes(PORT) || [54320, 54329].includes(DB_PORT)) throw new Error("Pick ports other than those of `npm start` and the e2e tests");

const log = (line: string) => console.log(`[load] ${line}`);

/** The load only ever goes to this machine. */
function loopbackUrl(value: string) {
  const url = new URL(value);
  if (!["127.0.0.1", "localhost", "[::1]"].includes(url.hostname)) throw new Error("--url must be an address on this machine (127.0.0.1, localhost or [::1])");
  return url.origin;
}

/** The ids React gives the two server actions the load calls, from the build's manifest (as a browser has them in its page). */
function actionIds() {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as { node: Record<string, { exportedName?: string }> };
  const idOf = (exportedName: string) => {
    const id = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === exportedName)?.[0];
    if (!id) throw new Error(`No server action named ${exportedName} in the build`);
    return id;
  };
  return { saveSection: idOf("saveSectionAction"), addComment: idOf("addCommentAction") };
}

// --- The people --------------------------------------------------------------------------------

type TReviewer = { kind: "reviewer"; index: number; token: string; role: "WMF_REVIEWER" | "WMDE_REVIEWER"; requests: string[] };
type TRequester = { kind: "requester"; index: number; token: string; submitted: string; draft: string; version: number };
type TPerson = TReviewer | TRequester;

/** Reviewers of both teams (a third WMDE, who see only joint requests), each signed in. */
async function reviewers(pool: pg.Pool): Promise<TReviewer[]> {
  const sample = async (jointOnly: boolean) =>
    (await pool.query<{ id: string }>(`SELECT id FROM "Request" WHERE status <> 'DRAFT' ${jointOnly ? "AND joint" : ""} ORDER BY md5(id) LIMIT 400`)).rows.map(
      (row) => row.id,
    );
  const all = await sample(false);
  const joint = await sample(true);
  const people: TReviewer[] = [];
  for (let index = 0; index < REVIEWERS; index++) {
    const role = index % 3 === 2 ? "WMDE_REVIEWER" : "WMF_REVIEWER";
    const { rows } = await pool.query<{ id: string }>(
      `INSERT INTO "User" (id, email, name, role, "emailVerified", "createdAt", "updatedAt") VALUES ($1, $2, $3, $4, now(), now(), now())
       ON CONFLICT (email) DO UPDATE SET role = EXCLUDED.role RETURNING id`,
      [`load_${randomUUID()}`, `reviewer.${index}@load.example.org`, `Load reviewer ${index}`, role],
    );
    people.push({ kind: "reviewer", index, token: await session(pool, rows[0]!.id), role, requests: role === "WMDE_REVIEWER" ? joint : all });
  }
  return people;
}

/** Requesters of the seeded requests, each with a draft of a new one (made once, then reused). */
async function requesters(pool: pg.Pool): Promise<TRequester[]> {
  const { rows: owners } = await pool.query<{ userId: string; requestId: string }>(
    `SELECT DISTINCT ON (u.email) u.id AS "userId", r.id AS "requestId" FROM "User" u JOIN "Request" r ON r."requesterId" = u.id
     WHERE u.role = 'REQUESTER' AND r.status <> 'DRAFT' ORDER BY u.email, r.id LIMIT $1`,
    [REQUESTERS],
  );
  if (owners.length < REQUESTERS) throw new Error(`Only ${owners.length} requesters in the database; seed more requests`);
  const people: TRequester[] = [];
  for (const [index, owner] of owners.entries()) {
    let { rows: drafts } = await pool.query<{ id: string; version: number }>(
      `SELECT id, version FROM "Request" WHERE "requesterId" = $1 AND status = 'DRAFT' ORDER BY id LIMIT 1`,
      [owner.userId],
    );
    if (!drafts.length) {
      ({ rows: drafts } = await pool.query<{ id: string; version: number }>(
        `INSERT INTO "Request" (id, "requesterId", status, answers, "createdAt", "updatedAt", "lastActivityAt") VALUES ($1, $2, 'DRAFT', '{}', now(), now(), now()) RETURNING id, version`,
        [`load_${randomUUID()}`, owner.userId],
      ));
    }
    people.push({
      kind: "requester",
      index,
      token: await session(pool, owner.userId),
      submitted: owner.requestId,
      draft: drafts[0]!.id,
      version: drafts[0]!.version,
    });
  }
  return people;
}

// --- What each of them does ---------------------------------------------------------------------

const WORDS = ["wikipedia", "readers", "library", "kenya", "teachers", "chatbot", "herpetology", "quechua teachers", "xylophonist"];
const QUEUE_VIEWS = ["new", "in_review", "awaiting", "joint", "decided"];

type TGroup = "review queue" | "review request" | "add comment (write)" | "my requests" | "my request" | "save draft (write)";
type TStep = { group: TGroup; request: TRequest; check?: (status: number, body: string, headers: Record<string, string>) => boolean; write?: TWrite };

const pick = <T>(items: readonly T[], counter: number): T => items[counter % items.length]!;

function multipart(fields: Record<string, string>) {
  const boundary = `----load${randomBytes(8).toString("hex")}`;
  // React's encoding of (previousState, formData): the fields prefixed "_1_", then (last, as the
  // server reads the stream in order) argument 0 as JSON referring to them.
  const parts: [string, string][] = [
    ...Object.entries(fields).map(([name, value]): [string, string] => [`_1_${name}`, value]),
    ["0", JSON.stringify([{ status: "idle" }, "$K1"])],
  ];
  const body = `${parts.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join("")}--${boundary}--\r\n`;
  return { body: Buffer.from(body), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** A write the load sent: acknowledged when the app answered that it succeeded, refused when it answered otherwise, else still in flight when the run stopped. */
type TWrite = { kind: "comment" | "save"; person: number; text: string; state: "sent" | "acknowledged" | "refused" };
/** `at`: when the answer came, in ms since the epoch, to line failures up with what happened to the app. */
type TTally = { samples: Map<TGroup, number[]>; failures: { group: TGroup; status: number; detail: string; at: number }[]; writes: TWrite[] };

function stepsOf(person: TPerson, actions: ReturnType<typeof actionIds>, tally: TTally) {
  const cookie = `authjs.session-token=${person.token}`;
  const page = (group: TGroup, pagePath: string): TStep => ({ group, request: { method: "GET", path: pagePath, headers: { cookie, accept: "text/html" } } });
  const action = (pagePath: string, id: string, fields: Record<string, string>): TRequest => {
    const { body, contentType } = multipart(fields);
    return {
      method: "POST",
      path: pagePath,
      body,
      headers: { cookie, accept: "text/x-component", "next-action": id, "content-type": contentType, origin: BASE },
    };
  };
  let counter = person.index * 7;
  const sent = (write: TWrite) => {
    tally.writes.push(write);
    return write;
  };

  if (person.kind === "reviewer") {
    const queue = (query: Record<string, string>) => page("review queue", `/review?${new URLSearchParams(query)}`);
    const comment = (requestId: string): TStep => {
      const body = `Load ${RUN} reviewer ${person.index} note ${counter}`;
      return {
        group: "add comment (write)",
        request: action(`/review/${requestId}`, actions.addComment, { requestId, kind: "INTERNAL", body }),
        check: (status, text) => status < 300 && text.includes("review-comment-added"),
        write: sent({ kind: "comment", person: person.index, text: body, state: "sent" }),
      };
    };
    const plan: (() => TStep)[] = [
      () => page("review queue", "/review"),
      () => queue({ view: pick(QUEUE_VIEWS, counter) }),
      () => page("review request", `/review/${pick(person.requests, counter)}`),
      () => queue({ view: "decided", sort: pick(["newest", "activity"], counter) }),
      () => queue({ view: "decided", q: pick(WORDS, counter) }),
      () => page("review request", `/review/${pick(person.requests, counter + 1)}`),
      () => queue({ view: "new", kind: pick(REQUESTER_KINDS, counter), flagged: pick(["", "1"], counter) }),
      () => comment(pick(person.requests, counter + 1)),
      () => page("review request", `/review/${pick(person.requests, counter + 1)}`),
      () => queue({ view: "decided", exception: pick(EXCEPTION_TYPES, counter), api: pick(APIS, counter) }),
      () => queue({ view: pick(["in_review", "awaiting"], counter), assignee: pick(["me", "none"], counter) }),
      () => queue({ view: "new", q: pick(WORDS, counter + 3) }),
    ];
    return () => plan[counter++ % plan.length]!();
  }

  const save = (): TStep => {
    const contactName = `Load ${RUN} requester ${person.index} save ${counter}`;
    const fields = {
      requestId: person.draft,
      section: "who",
      version: String(person.version),
      intent: "save",
      requesterKind: "individual",
      contactName,
      organisation: "",
      email: `requester.${person.index}@load.example.org`,
      enterpriseUsername: `load${person.index}`,
      country: "KE",
    };
    return {
      group: "save draft (write)",
      request: action(`/requests/${person.draft}/who`, actions.saveSection, fields),
      // A saved section redirects to the request's page; a refused one answers its form state.
      check: (status, _text, headers) => status < 400 && Boolean(headers["x-action-redirect"]),
      write: sent({ kind: "save", person: person.index, text: contactName, state: "sent" }),
    };
  };
  const plan: (() => TStep)[] = [
    () => page("my requests", "/requests"),
    () => page("my request", `/requests/${person.submitted}`),
    () => page("my request", `/requests/${person.draft}`),
    () => page("my request", `/requests/${person.draft}/who`),
    save,
    () => page("my request", `/requests/${person.draft}`),
  ];
  return () => plan[counter++ % plan.length]!();
}

// --- Measuring ---------------------------------------------------------------------------------

async function drive(people: TPerson[], actions: ReturnType<typeof actionIds>, tally: TTally) {
  let next = 0;
  return autocannon({
    url: BASE,
    connections: CONNECTIONS,
    duration: DURATION_S,
    timeout: TIMEOUT_S,
    requests: [{ method: "GET", path: "/api/health", headers: {} }],
    // One connection per person, who works through their own steps in turn.
    setupClient: (client) => {
      const person = people[next++ % people.length]!;
      const stepOf = stepsOf(person, actions, tally);
      let current: TStep | undefined;
      client.setRequests([
        {
          // Keep autocannon's defaults (the Host header comes from them).
          setupRequest: (defaults) => {
            current = stepOf();
            return { ...defaults, ...current.request };
          },
          onResponse: (status, body, _context, headers) => {
            if (!current) return;
            const lower = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
            const ok = current.check ? current.check(status, body, lower) : status < 400;
            if (current.write) current.write.state = ok ? "acknowledged" : "refused";
            if (ok && current.write?.kind === "save" && person.kind === "requester") person.version += 1;
            if (!ok)
              tally.failures.push({
                group: current.group,
                status,
                detail: `${current.request.method} ${current.request.path}: ${body.slice(0, 300)}`,
                at: Date.now(),
              });
          },
        },
      ]);
      client.on("response", (_status, _bytes, duration) => {
        if (current) tally.samples.get(current.group)!.push(duration);
      });
    },
  });
}

/**
 * Every acknowledged write must be in the database, and nothing the load did not send: the
 * comments by their text (each with its audit entry), the saves by each draft's version count
 * and its last text. A write still in flight when the run stopped may or may not have landed.
 */
async function verify(pool: pg.Pool, people: TPerson[], versionsBefore: Map<number, number>, writes: TWrite[]) {
  const count = (kind: TWrite["kind"], state: TWrite["state"]) => writes.filter((write) => write.kind === kind && write.state === state).length;
  const { rows } = await pool.query<{ body: string; audited: boolean }>(
    `SELECT c.body, EXISTS (SELECT 1 FROM "AuditEntry" a WHERE a.action = 'request.comment' AND a."subjectId" = c."requestId" AND a.after->>'commentId' = c.id) AS audited
     FROM "Comment" c WHERE c.body LIKE $1`,
    [`Load ${RUN} %`],
  );
  const found = new Map(rows.map((row) => [row.body, row.audited]));
  const sentComments = new Map(writes.filter((write) => write.kind === "comment").map((write) => [write.text, write]));
  const comments = {
    acknowledged: count("comment", "acknowledged"),
    inFlight: count("comment", "sent"),
    found: rows.length,
    lost: [...sentComments.values()].filter((write) => write.state === "acknowledged" && !found.has(write.text)).length,
    unexpected: rows.filter((row) => !sentComments.has(row.body) || sentComments.get(row.body)!.state === "refused").length,
  };

  const saves = { acknowledged: count("save", "acknowledged"), inFlight: count("save", "sent"), found: 0, lost: 0, unexpected: 0 };
  for (const person of people) {
    if (person.kind !== "requester") continue;
    const { rows: drafts } = await pool.query<{ version: number; contactName: string | null }>(
      `SELECT version, answers->'who'->>'contactName' AS "contactName" FROM "Request" WHERE id = $1`,
      [person.draft],
    );
    const own = writes.filter((write) => write.kind === "save" && write.person === person.index);
    const acknowledged = own.filter((write) => write.state === "acknowledged").length;
    const possible = acknowledged + own.filter((write) => write.state === "sent").length;
    const landed = drafts[0]!.version - versionsBefore.get(person.index)!;
    saves.found += landed;
    saves.lost += Math.max(0, acknowledged - landed);
    saves.unexpected += Math.max(0, landed - possible);
    // The draft must hold the last acknowledged save, or one sent after it.
    const lastAcknowledged = own.findLastIndex((write) => write.state === "acknowledged");
    const holds = own.findIndex((write) => write.text === drafts[0]!.contactName);
    if (lastAcknowledged >= 0 && holds < lastAcknowledged) saves.lost++;
  }
  const unaudited = rows.filter((row) => !row.audited).length;
  return { comments: { ...comments, unaudited }, saves, ok: comments.lost + comments.unexpected + unaudited + saves.lost + saves.unexpected === 0 };
}

// --- Reporting ---------------------------------------------------------------------------------

type TReport = {
  date: string;
  machine: string;
  dataset: number;
  connections: number;
  reviewers: number;
  requesters: number;
  durationS: number;
  total: number;
  throughput: number;
  load: [number, number];
  overall: TFigures;
  groups: Record<string, TFigures>;
  errors: { total: number; socket: number; timeouts: number; status4xx: number; status5xx: number; refused: number };
  writes: Awaited<ReturnType<typeof verify>>;
};

function markdown(report: TReport) {
  const row = (name: string, figure: TFigures) => `| ${name} | ${grouped(figure.requests)} | ${figure.p50} | ${figure.p95} | ${figure.p99} | ${figure.max} |`;
  const { comments, saves } = report.writes;
  return [
    "# Load: reviewers and requesters at once",
    "",
    `${report.date} · ${report.machine} · \`npm run bench:load\` (bench/load.ts); app, database and load on the same machine, over loopback`,
    "",
    `${grouped(report.dataset)} requests · ${report.connections} connections (${report.reviewers} reviewers, ${report.requesters} requesters) for ${report.durationS} s · load average ${report.load[0]} before, ${report.load[1]} after`,
    "",
    ...(report.load[0] > os.availableParallelism()
      ? ["The machine was busy with other work (load average above its core count): every figure understates what the app does alone.", ""]
      : []),
    `**${grouped(report.total)} requests, ${report.throughput} req/s, ${report.errors.total} errors** (${report.errors.socket} socket, ${report.errors.timeouts} timeouts, ${report.errors.status4xx} 4xx, ${report.errors.status5xx} 5xx, ${report.errors.refused} writes refused)`,
    "",
    "| Route group | Requests | p50 ms | p95 ms | p99 ms | max ms |",
    "|---|--:|--:|--:|--:|--:|",
    ...Object.entries(report.groups).map(([name, figure]) => row(name, figure)),
    row("**overall**", report.overall),
    "",
    "| Writes | Acknowledged | In flight at the end | Found in the database | Lost | Unexpected |",
    "|---|--:|--:|--:|--:|--:|",
    `| Internal comments${comments.unaudited ? ` (${comments.unaudited} without their audit entry)` : ""} | ${grouped(comments.acknowledged)} | ${comments.inFlight} | ${grouped(comments.found)} | ${comments.lost} | ${comments.unexpected} |`,
    `| Draft section saves (version increments) | ${grouped(saves.acknowledged)} | ${saves.inFlight} | ${grouped(saves.found)} | ${saves.lost} | ${saves.unexpected} |`,
    "",
    report.writes.ok
      ? "No lost writes: every acknowledged write is in the database, and nothing the load did not send (a write cut off by the end of the run may or may not have landed)."
      : "**Writes do not match: see Lost and Unexpected.**",
    "",
  ].join("\n");
}

// --- Main --------------------------------------------------------------------------------------

async function main() {
  const app = await startApp({ base: BASE, port: PORT, dbPort: DB_PORT, dataDir: DATA_DIR, demoData: false, reuse: REUSE, log });
  const url = databaseUrl(DATA_DIR);
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  try {
    await seedRequests(pool, url, REQUESTS, log);
    const actions = actionIds();
    const people: TPerson[] = [...(await reviewers(pool)), ...(await requesters(pool))];
    const versionsBefore = new Map(people.flatMap((person) => (person.kind === "requester" ? [[person.index, person.version] as const] : [])));
    const { rows } = await pool.query<{ count: string }>(`SELECT count(*) FROM "Request" WHERE status <> 'DRAFT'`);
    const dataset = Number(rows[0]!.count);

    const groups: TGroup[] = ["review queue", "review request", "add comment (write)", "my requests", "my request", "save draft (write)"];
    const tally: TTally = { samples: new Map(groups.map((group) => [group, []])), failures: [], writes: [] };
    log(`Driving ${CONNECTIONS} connections (${REVIEWERS} reviewers, ${REQUESTERS} requesters) for ${DURATION_S} s at ${BASE} on ${grouped(dataset)} requests`);
    const loadBefore = os.loadavg()[0]!;
    const result = await drive(people, actions, tally);
    const loadAfter = os.loadavg()[0]!;
    // Requests cut off when the time was up still finish on the server: let them land first.
    await new Promise((resolve) => setTimeout(resolve, 5000));
    const writes = await verify(pool, people, versionsBefore, tally.writes);

    const refused = tally.failures.filter((failure) => failure.status < 400).length;
    const errors = { socket: result.errors - result.timeouts, timeouts: result.timeouts, status4xx: result["4xx"], status5xx: result["5xx"], refused };
    const cpu = os.cpus()[0]?.model.trim() ?? "unknown CPU";
    const report: TReport = {
      date: new Date().toISOString(),
      machine: `${cpu}, ${os.availableParallelism()} cores, ${round2(os.totalmem() / 2 ** 30)} GB, Node ${process.version}`,
      dataset,
      connections: CONNECTIONS,
      reviewers: REVIEWERS,
      requesters: REQUESTERS,
      durationS: round2(result.duration),
      total: result.requests.total,
      throughput: round2(result.requests.total / result.duration),
      load: [round2(loadBefore), round2(loadAfter)],
      overall: figures(groups.flatMap((group) => tally.samples.get(group)!)),
      groups: Object.fromEntries(groups.map((group) => [group, figures(tally.samples.get(group)!)])),
      errors: { total: Object.values(errors).reduce((sum, count) => sum + count, 0), ...errors },
      writes,
    };
    const text = markdown({ ...report, date: report.date.slice(0, 10) });
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(path.join(RESULTS_DIR, "load.json"), `${JSON.stringify({ ...report, failures: tally.failures.slice(0, 20) }, null, 2)}\n`);
    writeFileSync(path.join(RESULTS_DIR, "load.md"), text);
    console.log(`\n${text}`);
    for (const failure of tally.failures.slice(0, 10)) log(`failed: ${failure.status} ${failure.detail}`);
    log(`Written to ${path.relative(process.cwd(), RESULTS_DIR)}/load.{json,md}`);
    await pool.query(`DELETE FROM "Session" WHERE "sessionToken" = ANY($1)`, [people.map((person) => person.token)]);
    return report.errors.total === 0 && writes.ok;
  } finally {
    await pool.end();
    await stopApp(app);
  }
}

main().then(
  (passed) => process.exit(passed ? 0 : 1),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
