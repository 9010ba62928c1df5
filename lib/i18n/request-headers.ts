// Headers proxy.ts sets on each page request for lib/i18n/request.ts; no imports, so the proxy can use it.

/** The value of ?uselang=, when it looks like a language tag. */
export const USELANG_HEADER = "x-uselang";
/** The page's path: reviewer and admin pages pass over requester-side languages. */
export const PATH_HEADER = "x-pathname";
