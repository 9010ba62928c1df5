import { OPENAPI } from "@/lib/api/openapi";

/** The API's description, public: it holds no data, only how to ask. */
export function GET() {
  return Response.json(OPENAPI, { headers: { "Cache-Control": "public, max-age=300" } });
}
