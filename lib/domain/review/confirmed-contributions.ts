import { z } from "zod";

import { MAX_CONTRIBUTIONS, type TPromisedContribution } from "@/lib/domain/request/contributions";
import { LIMITS, message } from "@/lib/domain/request/fields";
import type { TFieldError } from "@/lib/form-state";

// The promises a grant confirms as its conditions: the reviewer ticks those that hold (all, at
// first) and may word each as the grant should state it. Positions name the request's own promises
// (lib/domain/request/contributions.ts promisedContributions), counting from 1.

/** The field of a promise's wording, by its position. */
export const wordingField = (position: number) => `contributionWording-${position}` as const;

const wording = (position: number) =>
  z.preprocess((value) => firstString(value).trim(), z.string().max(LIMITS.medium, message("error-confirm-wording-long", position, LIMITS.medium)));

const firstString = (value: unknown): string => (Array.isArray(value) ? firstString(value[0]) : typeof value === "string" ? value : "");

/** The grant form's fields for confirmed contributions, to spread into its schema. */
export const CONFIRMED_CONTRIBUTION_FIELDS = {
  confirmContribution: z.preprocess(
    (value) => [...new Set((Array.isArray(value) ? value : value === undefined || value === "" ? [] : [value]).map(firstString))],
    z.array(z.string().regex(/^[1-9]\d?$/, "error-invalid")).max(MAX_CONTRIBUTIONS, "error-invalid"),
  ),
  ...(Object.fromEntries(Array.from({ length: MAX_CONTRIBUTIONS }, (_, index) => [wordingField(index + 1), wording(index + 1)])) as Record<
    ReturnType<typeof wordingField>,
    ReturnType<typeof wording>
  >),
};

/** A promise as the grant confirms it: the requester's kind, link and date, in the reviewer's words. */
export type TConfirmedContribution = { position: number; kind: string; description: string; link?: string; expectedBy?: string };

/**
 * The contributions a grant confirms, from the reviewer's post and the request's own promises; or
 * the problems: a position that names no promise of this request, or a confirmed one left unworded.
 */
export function confirmedContributions(
  input: Record<string, unknown>,
  promises: readonly TPromisedContribution[],
): { confirmed: TConfirmedContribution[]; problems: Record<string, TFieldError> } {
  const problems: Record<string, TFieldError> = {};
  const positions = (input.confirmContribution as string[] | undefined)?.map(Number) ?? [];
  if (positions.some((position) => !promises[position - 1])) problems.confirmContribution = { key: "error-confirm-contribution-unknown" };
  const confirmed = promises.flatMap((promise, index) => {
    const position = index + 1;
    if (!positions.includes(position)) return [];
    const wording = firstString(input[wordingField(position)]).trim();
    if (!wording) problems[wordingField(position)] = { key: "error-confirm-wording", params: [position] };
    return [{ ...promise, position, description: wording }];
  });
  return { confirmed, problems };
}
