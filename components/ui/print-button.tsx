"use client";

import { useEffect, useSyncExternalStore } from "react";

import { useT } from "./i18n-provider";

const noChanges = () => () => {};

/**
 * Opens the browser's print dialogue. It appears only once the page's script runs; without
 * JavaScript the browser's own Print command prints the same page, which is the printable view.
 */
export function PrintButton() {
  const t = useT();
  useOpenForPrint();
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

/**
 * While the page prints, the closed parts marked `data-print-open` (notes, questions left empty)
 * are open, and closed again after: on paper they are part of the record. Browsers that style a
 * closed part's content (app/globals.css) print them without this too.
 */
function useOpenForPrint() {
  useEffect(() => {
    let opened: HTMLDetailsElement[] = [];
    const open = () => {
      opened = [...document.querySelectorAll<HTMLDetailsElement>("details[data-print-open]:not([open])")];
      for (const details of opened) details.open = true;
    };
    const close = () => {
      for (const details of opened) details.open = false;
      opened = [];
    };
    window.addEventListener("beforeprint", open);
    window.addEventListener("afterprint", close);
    return () => {
      window.removeEventListener("beforeprint", open);
      window.removeEventListener("afterprint", close);
    };
  }, []);
}
