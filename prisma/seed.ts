// Demo accounts for trying the app on the embedded database. Run by `npm start` when DEMO_DATA is on.
import type { TDb } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

export const DEMO_ACCOUNTS: { email: string; name: string; role: Role; lands: string }[] = [
  { email: "requester@example.org", name: "Demo Requester", role: "REQUESTER", lands: "/requests" },
  { email: "wmf.reviewer@example.org", name: "Demo WMF Reviewer", role: "WMF_REVIEWER", lands: "/review" },
  { email: "wmde.reviewer@example.org", name: "Demo WMDE Reviewer", role: "WMDE_REVIEWER", lands: "/review" },
  { email: "admin@example.org", name: "Demo Admin", role: "ADMIN", lands: "/admin/users" },
];

/** Creates each demo account once; an account whose role was changed since keeps its new role. */
export async function seedDemoAccounts(db: TDb) {
  for (const account of DEMO_ACCOUNTS) {
    const existing = await db.user.findUnique({ where: { email: account.email }, select: { id: true } });
    if (existing) continue;
    await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: account.email, name: account.name, role: account.role, emailVerified: new Date() },
      });
      await tx.auditEntry.create({
        data: {
          action: "user.created",
          subjectType: "user",
          subjectId: user.id,
          after: { email: account.email, role: account.role },
          note: "Demo account",
        },
      });
    });
  }
}
