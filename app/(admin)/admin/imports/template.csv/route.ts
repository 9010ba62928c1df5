import { CSV_BOM, csvLine } from "@/lib/domain/csv";
import { importTemplate } from "@/lib/domain/import/record";
import { canAdminister } from "@/lib/domain/roles";
import { requireRole } from "@/lib/server/session";

/** The import's template: its header row, in the order the page documents the columns. */
export async function GET() {
  await requireRole("/admin/imports", canAdminister);
  return new Response(CSV_BOM + csvLine(importTemplate()), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8; header=present",
      "Content-Disposition": 'attachment; filename="exceptional-access-import-template.csv"',
      "Cache-Control": "private, no-store",
    },
  });
}
