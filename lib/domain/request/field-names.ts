import type { FREE_METHOD_USE } from "./options";

// The names of fields the schemas and the question pages share, kept apart from the schemas so a
// page can name its fields without loading zod.

export const VOLUME_FIELDS = ["RequestsPerMonth", "PeakPerSecond", "SnapshotsPerMonth"] as const;
export const volumeField = (project: string, field: (typeof VOLUME_FIELDS)[number]) => `${project}${field}`;

export const methodUseField = (method: string) => `${method}Use`;
export const methodShortfallField = (method: string) => `${method}Shortfall`;

/** The choices about a free method that ask how it falls short. */
export const SHORTFALL_USES: readonly (typeof FREE_METHOD_USE)[number][] = ["tried", "considered"];
