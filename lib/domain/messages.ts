import type { TMessageKey, TParam } from "@/lib/i18n/translator";

// A schema's messages as zod carries them. Kept apart from the schemas, so a form in the browser
// can read an error without loading zod.

/** A zod message that carries its parameters: "key|param|param". */
export function message(key: TMessageKey, ...params: TParam[]) {
  return [key, ...params].join("|");
}

export function parseMessage(text: string): { key: TMessageKey; params: TParam[] } {
  const [key, ...params] = text.split("|");
  return { key: (key?.startsWith("error-") ? key : "error-invalid") as TMessageKey, params };
}
