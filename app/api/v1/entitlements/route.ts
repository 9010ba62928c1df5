import { entitlementsAnswer } from "@/lib/server/api/entitlements";
import { withApiToken } from "@/lib/server/api/guard";

export const dynamic = "force-dynamic";

/** The entitlements in force now, as they stood `?at=`, or those that changed `?changed_since=` (docs: /api/v1/openapi.json). */
export async function GET(request: Request) {
  return withApiToken(request, () => entitlementsAnswer(new URL(request.url)));
}
