import { getI18n } from "@/lib/i18n/server";
import { FEED_HEADERS, registerAtom } from "@/lib/server/register-feed";

export const dynamic = "force-dynamic";

/** The newest grants of the public register as an Atom 1.0 feed. */
export async function GET() {
  return new Response(await registerAtom(await getI18n()), {
    headers: { ...FEED_HEADERS, "Content-Type": "application/atom+xml; charset=utf-8" },
  });
}
