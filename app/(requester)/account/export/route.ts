import { exportPersonalData } from "@/lib/server/personal-data";
import { requireViewer } from "@/lib/server/session";

/** Everything held about the signed-in person, as a JSON file to keep; nobody else's. */
export async function GET() {
  const viewer = await requireViewer("/account");
  const data = await exportPersonalData(viewer);
  const day = data.exportedAt.slice(0, 10);
  return new Response(`${JSON.stringify(data, null, 2)}\n`, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="exceptional-access-data-${day}.json"`,
      "Cache-Control": "private, no-store",
    },
  });
}
