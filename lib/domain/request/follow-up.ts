import type { TDraftAnswers } from "./sections";

/**
 * The answers a new request starts from when it follows an earlier one (a renewal, or a new try
 * after a decline): everything the requester wrote, except the declarations, which they confirm
 * afresh, and the dates, which belong to the earlier request.
 */
export function followUpAnswers(previous: TDraftAnswers): TDraftAnswers {
  const copy: TDraftAnswers = structuredClone(previous);
  if (copy.obligation) {
    delete copy.obligation.startDate;
    delete copy.obligation.endDate;
  }
  if (copy.mission) delete copy.mission.noSilos;
  if (copy.values) {
    delete copy.values.noHarms;
    delete copy.values.registerConsent;
  }
  return copy;
}
