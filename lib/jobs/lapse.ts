// Requests whose question went unanswered past its reply-by date lapse: the worker records it
// and tells the requester. No Next.js here: the worker and tests use it.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { emailLocaleOf } from "@/lib/i18n/messages";
import { requestRecipient } from "@/lib/mail/recipient";
import { requestEmail } from "@/lib/mail/templates/request-email";

import { enqueueEmail } from "./outbox";

export async function lapseOverdueRequests(db: PrismaClient, { now = new Date(), baseUrl }: { now?: Date; baseUrl: string }) {
  const overdue = await db.informationRequest.findMany({
    where: { answeredAt: null, lapsedAt: null, replyBy: { lt: now }, request: { status: "AWAITING_REQUESTER" } },
    orderBy: { replyBy: "asc" },
    take: 100,
    select: { id: true, requestId: true },
  });
  let lapsed = 0;
  for (const question of overdue) {
    await db.$transaction(async (tx) => {
      const updated = await tx.request.updateMany({
        where: { id: question.requestId, status: "AWAITING_REQUESTER" },
        data: { status: "LAPSED", version: { increment: 1 }, lastActivityAt: now },
      });
      if (updated.count === 0) return;
      const request = await tx.request.findUniqueOrThrow({
        where: { id: question.requestId },
        select: { reference: true, requesterId: true, answers: true, requester: { select: { locale: true, lastLocale: true } } },
      });
      await tx.informationRequest.update({ where: { id: question.id }, data: { lapsedAt: now } });
      await tx.auditEntry.create({
        data: {
          action: "request.lapsed",
          subjectType: "request",
          subjectId: question.requestId,
          before: { status: "AWAITING_REQUESTER" },
          after: { status: "LAPSED" },
        },
      });
      const to = await requestRecipient(tx, request);
      if (to) {
        await enqueueEmail(tx, {
          idempotencyKey: `lapsed:${question.id}`,
          to,
          requestId: question.requestId,
          ...requestEmail("lapsed", { reference: request.reference ?? "", url: `${baseUrl}/requests/${question.requestId}` }, emailLocaleOf(request.requester)),
        });
      }
      lapsed += 1;
    });
  }
  return lapsed;
}
