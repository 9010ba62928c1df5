// What a Wikimedia account's profile (Meta-Wiki's /w/rest.php/oauth2/resource/profile) tells
// the app. Read defensively: a field may be missing (an older wiki, a narrower grant) or of an
// unexpected type, and a profile is never trusted further than its confirmed parts.

/** The profile as MediaWiki sends it; every field but `sub` may be absent. */
export type TWikimediaProfile = {
  sub?: unknown;
  username?: unknown;
  editcount?: unknown;
  confirmed_email?: unknown;
  email?: unknown;
  realname?: unknown;
  blocked?: unknown;
  registered?: unknown;
  groups?: unknown;
};

/**
 * The app's user for a profile: known by the central account id (`sub`), named by the real name
 * when given, else the username; the email address only when Wikimedia has confirmed it, so that
 * an unconfirmed one can neither sign in nor link to someone else's requests.
 */
export function wikimediaUser(profile: TWikimediaProfile) {
  const username = text(profile.username);
  return {
    id: text(profile.sub),
    name: text(profile.realname) || username,
    email: profile.confirmed_email === true && text(profile.email) ? text(profile.email).toLowerCase() : null,
    image: null,
  };
}

/**
 * What reviewers are told of the account, from its profile at a sign-in, and nothing else of it:
 * the username, the edit count, when it was created, its groups and whether it is blocked.
 */
export function accountFacts(profile: TWikimediaProfile, checkedAt: Date) {
  const edits = profile.editcount;
  return {
    username: text(profile.username),
    editCount: typeof edits === "number" && Number.isInteger(edits) && edits >= 0 ? edits : null,
    registeredAt: parseMediaWikiTimestamp(profile.registered),
    groups: Array.isArray(profile.groups) ? profile.groups.filter((group): group is string => typeof group === "string" && group.trim() !== "") : [],
    blocked: profile.blocked === true,
    checkedAt,
  };
}

/** Groups every account of its age has, which say nothing of the person. */
const EVERYONE_S_GROUPS = new Set(["*", "user", "autoconfirmed"]);

/** The groups worth a reviewer's attention: bot, sysop, and the like. */
export function notableGroups(groups: readonly string[]): string[] {
  return groups.filter((group) => !EVERYONE_S_GROUPS.has(group));
}

/** MediaWiki's timestamp (YYYYMMDDHHMMSS, UTC) as a date; null when missing or not a real moment. */
export function parseMediaWikiTimestamp(value: unknown): Date | null {
  const match = typeof value === "string" ? /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(value) : null;
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  // Date.UTC rolls 20120230 over into March: only a date that reads back the same is real.
  const same =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second;
  return same ? date : null;
}

function text(value: unknown): string {
  return typeof value === "string" ? value.trim() : "";
}
