import { redirect } from "next/navigation";

import { landingPath } from "@/lib/domain/roles";
import { requireViewer } from "@/lib/server/session";

/** After sign-in everyone comes here and goes on to the page their role works from. */
export default async function HomeRedirect() {
  const viewer = await requireViewer("/home");
  redirect(landingPath(viewer.role));
}
