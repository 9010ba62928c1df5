import type { ReactNode } from "react";

import { requireViewer } from "@/lib/server/session";

/** Requester pages need a signed-in person; each page and action also checks the record itself. */
export default async function RequesterLayout({ children }: { children: ReactNode }) {
  await requireViewer("/requests");
  return children;
}
