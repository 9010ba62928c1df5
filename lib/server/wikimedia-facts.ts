import "server-only";

import { db } from "@/lib/db";
import { OPEN_STATUSES } from "@/lib/domain/request/state-machine";
import type { TDraftAnswers } from "@/lib/domain/request/sections";
import { computeFlags, type TAccountFacts } from "@/lib/domain/review/flags";
import { accountFacts, type TWikimediaProfile } from "@/lib/domain/wikimedia/profile";
import type { Prisma } from "@/lib/generated/prisma/client";
import { now } from "@/lib/server/clock";

/** What the person's Wikimedia account last said of itself, for their requests' flags; null when never. */
export function wikimediaFactsOf(userId: string): Promise<TAccountFacts | null> {
  return db().wikimediaAccountFacts.findUnique({ where: { userId }, select: { username: true, registeredAt: true, groups: true, blocked: true } });
}

/**
 * Keeps what a Wikimedia sign-in's profile says of the account, replacing what an earlier one
 * said, and brings the flags of the person's requests in review up to date with it: an account
 * blocked since it was submitted shows as blocked. Flags are worked out as on the day of submission.
 */
export async function recordWikimediaFacts(userId: string, profile: TWikimediaProfile) {
  const facts = accountFacts(profile, now());
  await db().$transaction(async (tx) => {
    await tx.wikimediaAccountFacts.upsert({ where: { userId }, create: { userId, ...facts }, update: facts });
    const requests = await tx.request.findMany({
      where: { requesterId: userId, status: { in: [...OPEN_STATUSES] }, anonymisedAt: null },
      select: { id: true, answers: true, submittedAt: true },
    });
    for (const request of requests) {
      const day = (request.submittedAt ?? now()).toISOString().slice(0, 10);
      const flags = computeFlags(request.answers as TDraftAnswers, day, facts);
      await tx.request.update({
        where: { id: request.id },
        data: { flags: flags as unknown as Prisma.InputJsonValue, flagged: flags.some((flag) => flag.severity !== "positive") },
      });
    }
  });
}
