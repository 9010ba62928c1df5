"use client";

import { usePathname, useSearchParams } from "next/navigation";

/** The page the browser shows now, for a form that should come back to it (kept current across client-side navigation). */
export function ReturnToField() {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  return <input type="hidden" name="returnTo" value={search ? `${pathname}?${search}` : pathname} />;
}
