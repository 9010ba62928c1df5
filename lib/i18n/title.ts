import type { TTranslate } from "./translator";

/** "Page – app name", the form of every page title. */
export function fullTitle(t: TTranslate, page: string) {
  return `${page} – ${t("app-name")}`;
}
