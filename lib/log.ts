type Fields = Record<string, string | number | boolean | null | undefined>;

/** One JSON line per event on stdout/stderr, for whatever collects the logs of the deployment. */
function write(level: "info" | "warn" | "error", event: string, fields: Fields) {
  const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...fields });
  if (level === "error") console.error(line);
  else console.log(line);
}

export const log = {
  info: (event: string, fields: Fields = {}) => write("info", event, fields),
  warn: (event: string, fields: Fields = {}) => write("warn", event, fields),
  error: (event: string, fields: Fields = {}) => write("error", event, fields),
};

/** Shows enough of an email address to tell people apart in logs without publishing it. */
export function maskEmail(email: string | null | undefined) {
  if (!email) return undefined;
  const at = email.lastIndexOf("@");
  const [local, domain] = at < 0 ? [email, ""] : [email.slice(0, at), email.slice(at + 1)];
  // Whatever was typed, a log line carries only what could be part of an address, never raw header text.
  const clean = (part: string) => part.replace(/[^A-Za-z0-9._+-]/g, "?");
  return `${clean(local.slice(0, 2))}***@${clean(domain.slice(0, 100))}`;
}
