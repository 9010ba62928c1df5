import { ZRegisterParams } from "@/lib/domain/register/register";
import { firstValues } from "@/lib/domain/search-params";
import { plainJson } from "@/lib/domain/text";
import { getI18n } from "@/lib/i18n/server";
import { FEED_HEADERS, registerJson } from "@/lib/server/register-feed";

export const dynamic = "force-dynamic";

/** The public register as JSON, a page at a time (`links.next`), with the page's filters. */
export async function GET(request: Request) {
  const params = ZRegisterParams.parse(firstValues(Object.fromEntries(new URL(request.url).searchParams)));
  return new Response(`${plainJson(await registerJson(params, await getI18n()))}\n`, {
    headers: { ...FEED_HEADERS, "Content-Type": "application/json; charset=utf-8" },
  });
}
