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
  const [local = "", domain = ""] = email.split("@");
  return `${local.slice(0, 2)}***@${domain}`;
}
