// Text that leaves the app's pages (CSV files, JSON, feeds) is read where the page's `bdi` and
// `dir="auto"` no longer isolate it.

/**
 * The embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069): inside a cell or a
 * feed they can reverse how the text after them reads ("Trojan Source"), so they are removed.
 * Marks (U+200E, U+200F) only set the direction of neutral characters and stay.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

export function withoutBidiControls(value: string) {
  return value.replace(BIDI_CONTROLS, "");
}

/** JSON whose every string is without bidirectional controls, indented for people to read. */
export function plainJson(value: unknown) {
  return JSON.stringify(value, (_key, item: unknown) => (typeof item === "string" ? withoutBidiControls(item) : item), 2);
}

/** Arabic-Indic and Eastern Arabic-Indic digits as the ASCII digits they stand for, so a number or date typed with them reads the same. */
export function asciiDigits(value: string) {
  return value.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (digit) => String((digit.codePointAt(0) ?? 0) & 0xf));
}
