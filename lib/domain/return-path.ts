/**
 * A path on this site to return to after signing in, or undefined. Only same-site absolute paths
 * pass, so a crafted link cannot send someone to another site after sign-in.
 */
export function safeReturnPath(value: unknown): string | undefined {
  if (typeof value !== "string" || value.length > 2000) return undefined;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return undefined;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a return path with a control character is refused
  if (/[\u0000-\u001f]/.test(value)) return undefined;
  return value;
}
