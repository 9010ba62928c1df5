import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";

import type { APIRequestContext } from "@playwright/test";

import type { TDraftAnswers } from "../../lib/domain/request/sections";
import { completeAnswers } from "../../test-support/answers";
import { insertDecisionRow, insertRequestRow, nextReference, type TDecisionRow } from "../../test-support/request-rows";

import { createUser, testDb, type TTestUser } from "./database";

export type TSubmitted = { id: string; reference: string; requester: TTestUser; organisation: string };

/**
 * A request as if its requester had just submitted it, written straight to the database with
 * the same derived queue data the app computes; `change` adjusts the answers first.
 */
export async function createSubmittedRequest(change: (answers: Required<TDraftAnswers>) => void = () => {}): Promise<TSubmitted> {
  return createRequestIn({ status: "SUBMITTED", change });
}

type TRequestState = {
  status: string;
  submittedAt?: Date;
  expiresAt?: Date | null;
  change?: (answers: Required<TDraftAnswers>) => void;
  /** Its decision, made by a new WMF reviewer. */
  decision?: Omit<TDecisionRow, "requestId" | "decidedById">;
};

/** A request in any state, with its decision if it has one, as the app would have left it. */
export async function createRequestIn({ status, submittedAt = new Date(), expiresAt = null, change = () => {}, decision }: TRequestState): Promise<TSubmitted> {
  const requester = await createUser("REQUESTER");
  const answers = completeAnswers(new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10));
  answers.who.email = requester.email;
  answers.who.organisation = `Org ${randomUUID().slice(0, 8)}`;
  change(answers);
  const reference = await nextReference(testDb());
  const id = `test_${randomUUID()}`;
  await insertRequestRow(testDb(), { id, reference, requesterId: requester.id, status, answers, submittedAt, expiresAt });
  if (decision) await insertDecisionRow(testDb(), { requestId: id, decidedById: (await createUser("WMF_REVIEWER")).id, ...decision });
  return { id, reference, requester, organisation: String(answers.who.organisation) };
}

/** Makes a request rely on Wikidata: 60% of its volume, so it goes to the joint queue. */
export function wikidataHeavy(answers: Required<TDraftAnswers>) {
  Object.assign(answers.what, {
    projects: ["wikipedia", "wikidata"],
    wikidataShare: "60",
    wikidataCentral: "no",
    wikidataRequestsPerMonth: "300000",
    wikidataSnapshotsPerMonth: "2",
  });
}

/** The id the build gave a server action, from its action manifest. */
export function actionIdOf(exportedName: string) {
  const manifest = JSON.parse(readFileSync(path.resolve(".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string }>;
  };
  const id = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === exportedName)?.[0];
  if (!id) throw new Error(`No server action named ${exportedName} in the build`);
  return id;
}

/**
 * Calls a server action directly over HTTP, as a script could, bypassing every page: the way to
 * prove the server itself refuses. The id comes from the build's action manifest; the page must
 * be one that uses the action.
 */
export async function callActionDirectly(request: APIRequestContext, pagePath: string, exportedName: string, fields: Record<string, string>) {
  const actionId = actionIdOf(exportedName);
  // React's encoding of (previousState, formData): the form fields prefixed "_1_", then (last, as
  // the server reads the stream in order) argument 0 as JSON referring to them.
  // (A FormData keeps that order; a plain object would put the integer-like key "0" first.)
  const multipart = new FormData();
  for (const [name, value] of Object.entries(fields)) multipart.append(`_1_${name}`, value);
  multipart.append("0", JSON.stringify([{ status: "idle" }, "$K1"]));
  return request.post(pagePath, { headers: { "Next-Action": actionId }, multipart });
}
