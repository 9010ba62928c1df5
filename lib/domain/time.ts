// Days and instants, the one place the app does calendar arithmetic. Days are "YYYY-MM-DD" in
// UTC, as date fields send them (lib/form-state joins their boxes); instants are Dates.

export const DAY_MS = 86_400_000;

/** The first instant of a day, UTC. */
export function startOfDay(day: string) {
  return new Date(`${day}T00:00:00.000Z`);
}

/** The last instant of a day, UTC: a grant expiring on a day, or a reply due by it, still holds throughout it. */
export function endOfDay(day: string) {
  return new Date(`${day}T23:59:59.999Z`);
}

/** The calendar day (UTC) an instant falls on. */
export function dayOf(instant: Date) {
  return instant.toISOString().slice(0, 10);
}

/** The instant `days` days (of 24 hours) after `instant`; before it when negative. */
export function addDays(instant: Date, days: number) {
  return new Date(instant.getTime() + days * DAY_MS);
}

/** Whole days from `from` to `to`, rounded down (a negative span is negative). */
export function daysBetween(from: Date, to: Date) {
  return Math.floor((to.getTime() - from.getTime()) / DAY_MS);
}

/** The same day `months` later, or the month's last day when it is shorter (31 Jan + 1 = 28/29 Feb). */
export function addMonths(day: string, months: number) {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date, lastDay));
  return dayOf(target);
}

/** The same day `years` later (29 February becomes 1 March in a common year, as a date string would have it). */
export function addYears(day: string, years: number) {
  return `${String(Number(day.slice(0, 4)) + years).padStart(4, "0")}${day.slice(4)}`;
}
