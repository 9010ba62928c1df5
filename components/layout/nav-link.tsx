"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

type Props = { href: string; children: ReactNode; except?: string[]; reloadDocument?: boolean };

/**
 * A navigation link that tells assistive technology when it points at the current section.
 * `reloadDocument` loads the whole page, header and language included (see SiteHeader).
 */
export function NavLink({ href, children, except = [], reloadDocument = false }: Props) {
  const pathname = usePathname();
  const within = (path: string) => pathname === path || pathname.startsWith(`${path}/`);
  const current = within(href) && !except.some(within);
  const Anchor = reloadDocument ? "a" : Link;
  return (
    <Anchor href={href} aria-current={current ? "page" : undefined}>
      {children}
    </Anchor>
  );
}
