"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

/** A navigation link that tells assistive technology when it points at the current section. */
export function NavLink({ href, children, except = [] }: { href: string; children: ReactNode; except?: string[] }) {
  const pathname = usePathname();
  const within = (path: string) => pathname === path || pathname.startsWith(`${path}/`);
  const current = within(href) && !except.some(within);
  return (
    <Link href={href} aria-current={current ? "page" : undefined}>
      {children}
    </Link>
  );
}
