import { checkDatabase } from "@/lib/server/health";

export const dynamic = "force-dynamic";

/** 200 when the app can reach its database, 503 when it cannot; for load balancers and monitors. */
export async function GET() {
  const database = await checkDatabase();
  const healthy = database.status === "up";
  return Response.json({ status: healthy ? "ok" : "unavailable", database }, { status: healthy ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
