"use client";

import { usePathname } from "next/navigation";
import { type KeyboardEvent, type ReactNode, useEffect, useRef } from "react";

/**
 * A menu in the header (the signed-in person's; an admin's pages): a disclosure, so it opens and closes without
 * JavaScript. With it, the menu also closes on Escape (focus back on its button) and when a link
 * in it has moved to another page, as the header stays on screen across pages.
 */
export function AccountMenu({ summary, children }: { summary: ReactNode; children: ReactNode }) {
  const menu = useRef<HTMLDetailsElement>(null);
  const pathname = usePathname();
  useEffect(() => {
    if (pathname) menu.current?.removeAttribute("open");
  }, [pathname]);
  const closeOnEscape = (event: KeyboardEvent<HTMLDetailsElement>) => {
    if (event.key !== "Escape" || !menu.current?.open) return;
    menu.current.removeAttribute("open");
    menu.current.querySelector("summary")?.focus();
  };
  return (
    <details className="account-menu" ref={menu} onKeyDown={closeOnEscape}>
      <summary className="account-menu__toggle">{summary}</summary>
      <div className="account-menu__panel">{children}</div>
    </details>
  );
}
