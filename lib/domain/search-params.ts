import { z } from "zod";

import { recordId } from "@/lib/domain/request/fields";
import { storable } from "@/lib/form-state";

// What an address bar may carry is anyone's to write: these read it leniently, so a repeated,
// overlong or malformed parameter falls back to "not given" instead of reaching a query.

/** Search parameters as Next.js gives them: a repeated one as a list. */
export type TSearchParams = Record<string, string | string[] | undefined>;
/** What a page gets: `searchParams`, a promise of them. */
export type TPageSearch = { searchParams: Promise<TSearchParams> };

/** The first value of each search parameter. */
export function firstValues(raw: TSearchParams): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
}

/** A page's search parameters, once they arrive, the first value of each. */
export async function readSearch(searchParams: Promise<TSearchParams>) {
  return firstValues(await searchParams);
}

/** The id of a record to page on from; anything that could not be an id counts as none. */
export const cursorId = recordId.optional().catch(undefined);

/**
 * Words to search for: trimmed, at most `max` characters, and storable (no NUL, no lone
 * surrogate, which PostgreSQL refuses); empty counts as none.
 */
export const searchText = (max: number) =>
  z
    // Cut first and cleaned after, so a cut through a surrogate pair cannot leave half of it.
    .preprocess((value) => (typeof value === "string" ? storable(value.trim().slice(0, max)).trim() : undefined), z.string().optional())
    .transform((value) => value || undefined)
    .catch(undefined);
