import "server-only";

import { db } from "@/lib/db";
import { accountFacts, type TWikimediaProfile } from "@/lib/domain/wikimedia/profile";
import { now } from "@/lib/server/clock";

/** Keeps what a Wikimedia sign-in's profile says of the account, replacing what an earlier one said. */
export async function recordWikimediaFacts(userId: string, profile: TWikimediaProfile) {
  const facts = accountFacts(profile, now());
  await db().wikimediaAccountFacts.upsert({ where: { userId }, create: { userId, ...facts }, update: facts });
}
