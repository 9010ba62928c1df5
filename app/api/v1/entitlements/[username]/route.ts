import { entitlementsAnswer } from "@/lib/server/api/entitlements";
import { withApiToken } from "@/lib/server/api/guard";

export const dynamic = "force-dynamic";

/** One Enterprise account's entitlements, with the same query as the list (docs: /api/v1/openapi.json). */
export async function GET(request: Request, { params }: { params: Promise<{ username: string }> }) {
  const { username } = await params;
  return withApiToken(request, () => entitlementsAnswer(new URL(request.url), username));
}
