import type { ReactNode } from "react";

import { canAdminister } from "@/lib/domain/roles";
import { requireRole } from "@/lib/server/session";

/** Administration pages answer 404 to anyone who is not an admin. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireRole("/admin/users", canAdminister);
  return children;
}
