import type { ReactNode } from "react";

import { canReview } from "@/lib/domain/roles";
import { requireRole } from "@/lib/server/session";

/** Reviewer pages answer 404 to anyone who is not a reviewer or admin. */
export default async function ReviewLayout({ children }: { children: ReactNode }) {
  await requireRole("/review", canReview);
  return children;
}
