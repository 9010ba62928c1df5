"use client";

import { useSyncExternalStore } from "react";

import { useT } from "./i18n-provider";

const noChanges = () => () => {};

/**
 * Opens the browser's print dialogue. It appears only once the page's script runs; without
 * JavaScript the browser's own Print command prints the same page, which is the printable view.
 */
export function PrintButton() {
  const t = useT();
  const scripted = useSyncExternalStore(
    noChanges,
    () => true,
    () => false,
  );
  if (!scripted) return null;
  return (
    <button type="button" className="button no-print" onClick={() => window.print()}>
      {t("print-button")}
    </button>
  );
}
