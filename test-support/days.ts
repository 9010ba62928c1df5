import { addDays, dayOf } from "@/lib/domain/time";

/** The day `offset` days from today (UTC), as the forms write it: YYYY-MM-DD. */
export function dayFromToday(offset: number) {
  return dayOf(addDays(new Date(), offset));
}

/** Where links in test emails start. */
export const TEST_BASE_URL = "http://localhost:3000";
