// Requests whose question went unanswered past its reply-by date lapse: the worker records it
// and tells the requester, through the lifecycle pipeline. No Next.js here: the worker and tests use it.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { applyEvent, EventRefused } from "@/lib/lifecycle/apply";

export async function lapseOverdueRequests(db: PrismaClient, { now = new Date(), baseUrl }: { now?: Date; baseUrl: string }) {
  const overdue = await db.informationRequest.findMany({
    where: { answeredAt: null, lapsedAt: null, replyBy: { lt: now }, request: { status: "AWAITING_REQUESTER" } },
    orderBy: { replyBy: "asc" },
    take: 100,
    select: { id: true, requestId: true },
  });
  let lapsed = 0;
  for (const question of overdue) {
    try {
      await db.$transaction((tx) =>
        applyEvent(
          tx,
          { now, baseUrl },
          {
            event: "lapse",
            actor: { kind: "system", userId: null },
            requestId: question.requestId,
            write: async (inner) => {
              await inner.informationRequest.update({ where: { id: question.id }, data: { lapsedAt: now } });
              return { details: { questionId: question.id } };
            },
          },
        ),
      );
      lapsed += 1;
    } catch (error) {
      // Answered (or cancelled) meanwhile: nothing lapses.
      if (!(error instanceof EventRefused)) throw error;
    }
  }
  return lapsed;
}
