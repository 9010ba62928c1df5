// The entitlements API's query parameters, read strictly: a misspelt or malformed parameter is an
// error the caller sees (400), never silently ignored, so a client cannot believe it asked for one
// thing and get another.

export type TEntitlementQuery = { at?: Date; changedSince?: Date };
export type TProblem = { error: string; detail: string };
export type TQueryResult = { ok: true; query: TEntitlementQuery } | { ok: false; problem: TProblem };

/** An instant with its offset, as ISO 8601 writes it: 2026-12-06T18:00:00Z or 2026-12-06T19:00:00.5+01:00. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

const PARAMETERS = { at: "at", changed_since: "changedSince" } as const;
type TParameter = keyof typeof PARAMETERS;

function isParameter(name: string): name is TParameter {
  return Object.hasOwn(PARAMETERS, name);
}

export function parseInstant(value: string): Date | undefined {
  if (!INSTANT.test(value)) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return undefined;
  // JavaScript rolls 30 February over into March: a day the month lacks is no date.
  const [year, month, day] = value.slice(0, 10).split("-").map(Number) as [number, number, number];
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate() ? date : undefined;
}

/**
 * `at` (as they stood then) and `changed_since` (those that changed after it), each at most once;
 * together they ask what changed between the two, so `changed_since` must not be after `at`.
 */
export function parseEntitlementQuery(search: URLSearchParams): TQueryResult {
  const query: TEntitlementQuery = {};
  const seen = new Set<string>();
  for (const [name, value] of search) {
    if (!isParameter(name)) return problem("unknown_parameter", `Unknown parameter "${name}": this endpoint takes "at" and "changed_since".`);
    if (seen.has(name)) return problem("repeated_parameter", `"${name}" is given more than once.`);
    seen.add(name);
    const instant = parseInstant(value);
    if (!instant) return problem("invalid_parameter", `"${name}" must be an ISO 8601 instant with a time zone, like 2026-12-06T18:00:00Z.`);
    query[PARAMETERS[name]] = instant;
  }
  if (query.at && query.changedSince && query.changedSince > query.at) {
    return problem("invalid_parameter", `"changed_since" must not be after "at".`);
  }
  return { ok: true, query };
}

function problem(error: string, detail: string): TQueryResult {
  return { ok: false, problem: { error, detail } };
}
