import { z } from "zod";

import type { TMessageKey } from "@/lib/i18n/translator";

import {
  choice,
  choices,
  decimalNumber,
  emailAddress,
  isoDate,
  isRealDate,
  isWebLink,
  LIMITS,
  linkList,
  message,
  requiredText,
  text,
  ticked,
  wholeNumber,
} from "./fields";
import {
  CONTRIBUTION_FIELDS,
  CONTRIBUTION_KINDS,
  contributionFieldId,
  contributionRows,
  isBlankRow,
  MAX_CONTRIBUTIONS,
  promisedContributions,
} from "./contributions";
import {
  APIS,
  COUNTRIES,
  EXCEPTION_TYPES,
  FREE_METHOD_USE,
  FREE_METHODS,
  NEED_REASONS,
  PROJECTS,
  PUBLIC_BENEFIT_AREAS,
  REQUESTER_KINDS,
  SPECIAL_CONSIDERATIONS,
  STRATEGY_RECOMMENDATIONS,
  YES_NO,
  YES_NO_UNSURE,
} from "./options";
import { methodShortfallField, methodUseField, SHORTFALL_USES, VOLUME_FIELDS, volumeField } from "./field-names";

export { methodShortfallField, methodUseField, SHORTFALL_USES, VOLUME_FIELDS, volumeField } from "./field-names";

/** The six criteria, in the order the form asks them. */
export const SECTION_IDS = ["who", "what", "need", "obligation", "mission", "values"] as const;
export type TSectionId = (typeof SECTION_IDS)[number];

export function isSectionId(value: string): value is TSectionId {
  return (SECTION_IDS as readonly string[]).includes(value);
}

/**
 * What a section's rules depend on beyond its own answers: the requester kind (from Who) and
 * today's date on the server's clock (the browser's only for its own early check).
 */
export type TSectionContext = { requesterKind?: string; today: string };

type Issue = { path: string; message: string };

/** Run cross-field rules even when a single field failed, so every problem shows at once. */
const ALWAYS = { when: () => true };

const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined || value === "" ? [] : [value]);

/**
 * Questions revealed by a choice count only while that choice is made: their stale answers are
 * dropped before checking, so a hidden field can never block the form.
 */
function withoutHidden(hidden: (input: Record<string, unknown>) => string[]) {
  return (input: unknown) => {
    if (!input || typeof input !== "object" || Array.isArray(input)) return input;
    const copy = { ...(input as Record<string, unknown>) };
    for (const key of hidden(copy)) delete copy[key];
    return copy;
  };
}
function addIssues(context: z.RefinementCtx, issues: Issue[]) {
  for (const issue of issues) context.addIssue({ code: "custom", path: [issue.path], message: issue.message });
}

// --- Who ---------------------------------------------------------------------------------------

const ZWhoSection = z
  .object({
    requesterKind: choice(REQUESTER_KINDS, "error-requester-kind"),
    contactName: requiredText(LIMITS.short, "error-contact-name"),
    organisation: text(LIMITS.short),
    email: emailAddress("error-email-required"),
    enterpriseUsername: requiredText(100, "error-enterprise-username"),
    country: choice(COUNTRIES as unknown as [string, ...string[]], "error-country"),
  })
  .superRefine((value, context) => {
    if (value.requesterKind !== "individual" && !value.organisation) {
      addIssues(context, [{ path: "organisation", message: "error-organisation" }]);
    }
  }, ALWAYS);
export type TWhoSection = z.infer<typeof ZWhoSection>;

// --- What --------------------------------------------------------------------------------------

const volumeShape = Object.fromEntries(
  PROJECTS.flatMap((project) => [
    [volumeField(project, "RequestsPerMonth"), wholeNumber(1e12)],
    [volumeField(project, "PeakPerSecond"), decimalNumber(1e6)],
    [volumeField(project, "SnapshotsPerMonth"), wholeNumber(1e6)],
  ]),
) as Record<string, ReturnType<typeof wholeNumber> | ReturnType<typeof decimalNumber>>;

const PROJECT_REVEALS: Record<string, string[]> = {
  wikipedia: ["wikipediaLanguages"],
  wikidata: ["wikidataShare", "wikidataCentral"],
  commons: [],
  other: ["otherProjects"],
};

const whatHidden = withoutHidden((input) => [
  ...(input.exceptionType === "other" ? [] : ["exceptionOther"]),
  ...PROJECTS.filter((project) => !listOf(input.projects).includes(project)).flatMap((project) => [
    ...(PROJECT_REVEALS[project] ?? []),
    ...VOLUME_FIELDS.map((field) => volumeField(project, field)),
  ]),
]);

const ZWhatObject = z
  .object({
    exceptionType: choice(EXCEPTION_TYPES, "error-exception-type"),
    exceptionOther: text(LIMITS.medium),
    purpose: requiredText(LIMITS.long, "error-purpose"),
    apis: choices(APIS).refine((list) => list.length > 0, "error-apis"),
    projects: choices(PROJECTS).refine((list) => list.length > 0, "error-projects"),
    wikipediaLanguages: text(LIMITS.medium),
    otherProjects: text(LIMITS.medium),
    wikidataShare: wholeNumber(100),
    wikidataCentral: z.preprocess((value) => (value === "" ? undefined : value), z.enum(YES_NO, { error: "error-wikidata-central" }).optional()),
    links: linkList(10),
    ...volumeShape,
  })
  .superRefine((value, context) => {
    const issues: Issue[] = [];
    if (value.exceptionType === "other" && !value.exceptionOther) issues.push({ path: "exceptionOther", message: "error-exception-other" });
    if (value.projects.includes("wikipedia") && !value.wikipediaLanguages) issues.push({ path: "wikipediaLanguages", message: "error-wikipedia-languages" });
    if (value.projects.includes("other") && !value.otherProjects) issues.push({ path: "otherProjects", message: "error-other-projects" });
    if (value.projects.includes("wikidata")) {
      if (value.wikidataShare === undefined) issues.push({ path: "wikidataShare", message: "error-wikidata-share" });
      if (!value.wikidataCentral) issues.push({ path: "wikidataCentral", message: "error-wikidata-central" });
    }
    const volumes = value as unknown as Record<string, number | undefined>;
    // The choices are checked above; a forged project gets that message, not one about its volumes.
    for (const project of (value.projects ?? []).filter((project) => (PROJECTS as readonly string[]).includes(project))) {
      for (const field of ["RequestsPerMonth", "SnapshotsPerMonth"] as const) {
        const name = volumeField(project, field);
        if (volumes[name] === undefined)
          issues.push({ path: name, message: `error-volume-${field === "RequestsPerMonth" ? "requests" : "snapshots"}-${project}` });
      }
    }
    addIssues(context, issues);
  }, ALWAYS)
  .transform((value) => {
    const volumes: Record<string, { requestsPerMonth: number; peakPerSecond?: number; snapshotsPerMonth: number }> = {};
    const flat = value as unknown as Record<string, number | undefined>;
    for (const project of value.projects) {
      volumes[project] = {
        requestsPerMonth: flat[volumeField(project, "RequestsPerMonth")] ?? 0,
        peakPerSecond: flat[volumeField(project, "PeakPerSecond")],
        snapshotsPerMonth: flat[volumeField(project, "SnapshotsPerMonth")] ?? 0,
      };
    }
    const wikidata = value.projects.includes("wikidata");
    return {
      exceptionType: value.exceptionType,
      exceptionOther: value.exceptionOther,
      purpose: value.purpose,
      apis: value.apis,
      projects: value.projects,
      wikipediaLanguages: value.wikipediaLanguages,
      otherProjects: value.otherProjects,
      wikidataShare: wikidata ? value.wikidataShare : undefined,
      wikidataCentral: wikidata ? value.wikidataCentral : undefined,
      volumes,
      links: value.links,
    };
  });
const ZWhatSection = z.preprocess(whatHidden, ZWhatObject);
export type TWhatSection = z.infer<typeof ZWhatObject>;

// --- Need --------------------------------------------------------------------------------------

const slug = (value: string) => value.replace(/_/g, "-");
const isDate = (value: unknown): value is string => typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) && isRealDate(value);

const needHidden = withoutHidden((input) => [
  ...FREE_METHODS.filter((method) => !SHORTFALL_USES.includes(input[methodUseField(method)] as (typeof FREE_METHOD_USE)[number])).map(methodShortfallField),
  ...(listOf(input.reasons).includes("other") ? [] : ["reasonOther"]),
]);

const ZNeedObject = z
  .object({
    ...Object.fromEntries(FREE_METHODS.map((method) => [methodUseField(method), choice(FREE_METHOD_USE, `error-method-use-${slug(method)}` as TMessageKey)])),
    ...Object.fromEntries(FREE_METHODS.map((method) => [methodShortfallField(method), text(LIMITS.medium)])),
    reasons: choices(NEED_REASONS).refine((list) => list.length > 0, "error-reasons"),
    reasonOther: text(LIMITS.medium),
    needExplanation: requiredText(LIMITS.long, "error-need-explanation"),
  } as Record<string, z.ZodType>)
  .superRefine((raw, context) => {
    const value = raw as Record<string, string | string[]>;
    const issues: Issue[] = [];
    for (const method of FREE_METHODS) {
      const use = value[methodUseField(method)];
      if (SHORTFALL_USES.includes(use as (typeof FREE_METHOD_USE)[number]) && !value[methodShortfallField(method)]) {
        issues.push({ path: methodShortfallField(method), message: `error-method-shortfall-${slug(method)}` });
      }
    }
    if (listOf(value.reasons).includes("other") && !value.reasonOther) issues.push({ path: "reasonOther", message: "error-reason-other" });
    addIssues(context, issues);
  }, ALWAYS)
  .transform((raw) => {
    const value = raw as Record<string, string | string[]>;
    return {
      methods: Object.fromEntries(
        FREE_METHODS.map((method) => {
          const use = value[methodUseField(method)] as (typeof FREE_METHOD_USE)[number];
          return [method, { use, shortfall: value[methodShortfallField(method)] as string }];
        }),
      ) as Record<(typeof FREE_METHODS)[number], { use: (typeof FREE_METHOD_USE)[number]; shortfall: string }>,
      reasons: value.reasons as (typeof NEED_REASONS)[number][],
      reasonOther: value.reasonOther as string,
      needExplanation: value.needExplanation as string,
    };
  });
const ZNeedSection = z.preprocess(needHidden, ZNeedObject);
export type TNeedSection = z.infer<typeof ZNeedObject>;

// --- Obligation ----------------------------------------------------------------------------------

/** One column of the contribution rows: a list of strings, however many rows were posted. */
const rowColumn = z.preprocess(
  (value) => (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((item) => (typeof item === "string" ? item : "")),
  z.array(z.string()),
);

const obligationHidden = withoutHidden((input) => (input.customDevelopment === "yes" ? [] : ["customDevelopmentDetail"]));

const obligationSchema = (context: TSectionContext) =>
  z.preprocess(
    obligationHidden,
    z
      .object({
        customDevelopment: choice(YES_NO, "error-custom-development"),
        customDevelopmentDetail: text(LIMITS.long),
        currentApisSuffice: choice(YES_NO_UNSURE, "error-current-apis"),
        currentApisDetail: text(LIMITS.long),
        startDate: isoDate,
        endDate: isoDate,
        contributionKind: rowColumn,
        contributionDescription: rowColumn,
        contributionLink: rowColumn,
        contributionBy: rowColumn,
        noContributions: ticked,
        reciprocalDetail: text(LIMITS.long),
      })
      .superRefine((value, refinement) => {
        const issues: Issue[] = [];
        if (value.customDevelopment === "yes" && !value.customDevelopmentDetail)
          issues.push({ path: "customDevelopmentDetail", message: "error-custom-development-detail" });
        if ((value.currentApisSuffice === "no" || value.currentApisSuffice === "unsure") && !value.currentApisDetail)
          issues.push({ path: "currentApisDetail", message: "error-current-apis-detail" });
        const start = isDate(value.startDate) ? value.startDate : undefined;
        const end = isDate(value.endDate) ? value.endDate : undefined;
        if (value.startDate === "") issues.push({ path: "startDate", message: "error-start-date" });
        else if (start && start < context.today) issues.push({ path: "startDate", message: "error-start-date-past" });
        if (start && end && end <= start) issues.push({ path: "endDate", message: "error-end-date-order" });
        issues.push(...contributionIssues(value, context.today));
        addIssues(refinement, issues);
      }, ALWAYS)
      .transform(({ contributionKind, contributionDescription, contributionLink, contributionBy, ...rest }) => ({
        ...rest,
        contributions: rest.noContributions
          ? []
          : promisedContributions({ obligation: { contributionKind, contributionDescription, contributionLink, contributionBy } }),
      })),
  );

/** Every problem of the contribution rows, each naming its row; rows left wholly empty are ignored. */
function contributionIssues(value: Record<string, unknown>, today: string): Issue[] {
  const rows = contributionRows(value);
  const filled = rows.filter((row) => !isBlankRow(row)).length;
  if (filled === 0) return value.noContributions ? [] : [{ path: contributionFieldId(1, "kind"), message: "error-contributions-required" }];
  if (value.noContributions) return [{ path: "noContributions", message: "error-contributions-none" }];
  if (filled > MAX_CONTRIBUTIONS) return [{ path: contributionFieldId(1, "kind"), message: message("error-contributions-too-many", MAX_CONTRIBUTIONS) }];
  return rows.flatMap((row, index) => {
    const n = index + 1;
    if (isBlankRow(row)) return [];
    const issues: Issue[] = [];
    const [kind, description, link, by] = [row.kind.trim(), row.description.trim(), row.link.trim(), row.expectedBy.trim()];
    if (!(CONTRIBUTION_KINDS as readonly string[]).includes(kind))
      issues.push({ path: contributionFieldId(n, "kind"), message: message("error-contribution-kind", n) });
    if (!description) issues.push({ path: contributionFieldId(n, "description"), message: message("error-contribution-description", n) });
    else if (description.length > LIMITS.medium)
      issues.push({ path: contributionFieldId(n, "description"), message: message("error-contribution-too-long", n, LIMITS.medium) });
    if (link && !isWebLink(link)) issues.push({ path: contributionFieldId(n, "link"), message: message("error-contribution-link", n) });
    if (by && !isDate(by)) issues.push({ path: contributionFieldId(n, "expectedBy"), message: message("error-contribution-date", n) });
    else if (by && by < today) issues.push({ path: contributionFieldId(n, "expectedBy"), message: message("error-contribution-date-past", n) });
    return issues;
  });
}
export type TObligationSection = z.infer<ReturnType<typeof obligationSchema>>;

// --- Mission alignment -----------------------------------------------------------------------------

const missionHidden = withoutHidden((input) => (listOf(input.special).length > 0 ? [] : ["specialDetail"]));

const ZMissionObject = z
  .object({
    recommendations: choices(STRATEGY_RECOMMENDATIONS).refine((list) => list.length > 0, "error-recommendations"),
    missionExplanation: requiredText(LIMITS.long, "error-mission-explanation"),
    special: choices(SPECIAL_CONSIDERATIONS),
    specialDetail: text(LIMITS.long),
    noSilos: ticked.refine((value) => value, "error-no-silos"),
  })
  .superRefine((value, context) => {
    if (listOf(value.special).length > 0 && !value.specialDetail) addIssues(context, [{ path: "specialDetail", message: "error-special-detail" }]);
  }, ALWAYS);
const ZMissionSection = z.preprocess(missionHidden, ZMissionObject);
export type TMissionSection = z.infer<typeof ZMissionObject>;

// --- Values alignment ------------------------------------------------------------------------------

const valuesSchema = (context: TSectionContext) =>
  z.preprocess(
    withoutHidden((input) => [...(input.generativeAi === "yes" ? [] : ["aiEthics"]), ...(context.requesterKind === "commercial" ? [] : ["jeopardyStatement"])]),
    z
      .object({
        commitment: requiredText(LIMITS.long, "error-commitment"),
        benefitAreas: choices(PUBLIC_BENEFIT_AREAS),
        jeopardyStatement: text(LIMITS.long),
        generativeAi: choice(YES_NO, "error-generative-ai"),
        aiEthics: text(LIMITS.long),
        noHarms: ticked.refine((value) => value, "error-no-harms"),
        registerConsent: ticked,
      })
      .superRefine((value, refinement) => {
        const issues: Issue[] = [];
        if (context.requesterKind === "commercial" && !value.jeopardyStatement) issues.push({ path: "jeopardyStatement", message: "error-jeopardy" });
        if (value.generativeAi === "yes" && !value.aiEthics) issues.push({ path: "aiEthics", message: "error-ai-ethics" });
        addIssues(refinement, issues);
      }, ALWAYS),
  );
export type TValuesSection = z.infer<ReturnType<typeof valuesSchema>>;

// --- All sections ----------------------------------------------------------------------------------

/** The schema of one section, given what it depends on; the same in the browser and on the server. */
/** The schemas that depend on the context, built once a day for each kind of requester: building one, and zod compiling it on its first use, cost more than checking answers with it. */
const BUILT = { today: "", schemas: new Map<string, z.ZodType>() };

export function sectionSchema(section: TSectionId, context: TSectionContext): z.ZodType {
  if (section !== "obligation" && section !== "values") return buildSectionSchema(section, context);
  if (BUILT.today !== context.today) {
    BUILT.today = context.today;
    BUILT.schemas.clear();
  }
  const id = `${section}|${context.requesterKind ?? ""}`;
  let schema = BUILT.schemas.get(id);
  if (!schema) {
    schema = buildSectionSchema(section, context);
    BUILT.schemas.set(id, schema);
  }
  return schema;
}

function buildSectionSchema(section: TSectionId, context: TSectionContext): z.ZodType {
  switch (section) {
    case "who":
      return ZWhoSection;
    case "what":
      return ZWhatSection;
    case "need":
      return ZNeedSection;
    case "obligation":
      return obligationSchema(context);
    case "mission":
      return ZMissionSection;
    case "values":
      return valuesSchema(context);
  }
}

export type TSectionStatus = "not_started" | "in_progress" | "completed";

/** Raw answers as the person last saved them, by section and field. */
export type TDraftAnswers = Partial<Record<TSectionId, Record<string, string | string[]>>>;

export function contextOf(answers: TDraftAnswers, today: string): TSectionContext {
  const kind = answers.who?.requesterKind;
  return { requesterKind: typeof kind === "string" ? kind : undefined, today };
}

/** The answers a new draft starts with: the contact details of the account that makes it. */
export function startingAnswers(account: { email: string | null; name: string | null }): TDraftAnswers {
  if (!account.email) return {};
  return { who: { email: account.email, ...(account.name ? { contactName: account.name } : {}) } };
}

/** The fields `startingAnswers` fills in: finding them in a section does not mean the person began it. */
const STARTING_FIELDS: Partial<Record<TSectionId, readonly string[]>> = { who: ["email", "contactName"] };

const isBlank = (value: string | string[]) => (Array.isArray(value) ? value.every((item) => item.trim() === "") : value.trim() === "");

/** Whether the person answered anything in a section: blank fields (a page saved as it came) and the starting answers do not count. */
function answeredAny(section: TSectionId, saved: Record<string, string | string[]>) {
  return Object.entries(saved).some(([field, value]) => !STARTING_FIELDS[section]?.includes(field) && !isBlank(value));
}

/** Not started (nothing answered yet), completed (every rule passes), or in progress (anything between). */
export function sectionStatus(section: TSectionId, answers: TDraftAnswers, today: string): TSectionStatus {
  const saved = answers[section];
  if (!saved || !answeredAny(section, saved)) return "not_started";
  return sectionSchema(section, contextOf(answers, today)).safeParse(saved).success ? "completed" : "in_progress";
}

/** The sections that are not complete yet, in form order; empty when the request can be submitted. */
export function incompleteSections(answers: TDraftAnswers, today: string): TSectionId[] {
  return SECTION_IDS.filter((section) => sectionStatus(section, answers, today) !== "completed");
}

/** What keeps reopened answers from becoming final: a reopened section's own problem, by section, or a section that cannot be changed now. */
export type TReopenedProblems = { sections: TSectionId[]; closedSections: TSectionId[] };

/**
 * When a requester answers a question that reopened some sections, the answers become final
 * again: they must pass the same rules as at submission, judged as on the day of submission (a
 * start date that has passed since does not void a section nobody reopened). A change to a
 * reopened section can also break one that is not open (a new requester kind asks more of Values):
 * that is reported apart, since only undoing the change can fix it.
 */
export function reopenedProblems(answers: TDraftAnswers, reopened: readonly TSectionId[], asOf: string): TReopenedProblems | undefined {
  const failing = incompleteSections(answers, asOf);
  if (failing.length === 0) return undefined;
  return { sections: failing.filter((section) => reopened.includes(section)), closedSections: failing.filter((section) => !reopened.includes(section)) };
}

export { message };

/** The field names an object schema reads, looking through pipes (transforms, refinements). */
export function objectKeys(schema: z.ZodType): string[] {
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  if (schema instanceof z.ZodPipe) {
    const inner = objectKeys(schema.in as z.ZodType);
    return inner.length > 0 ? inner : objectKeys(schema.out as z.ZodType);
  }
  return [];
}

/** The fields each section may store; anything else posted with a section is ignored. */
export const SECTION_FIELD_NAMES = Object.fromEntries(
  SECTION_IDS.map((section) => [section, objectKeys(sectionSchema(section, { today: "2000-01-01" }))]),
) as Record<TSectionId, string[]>;

const MAX_STORED_LENGTH = 20_000;

/** Fields kept as lists even when one value was posted: the columns of the contribution rows. */
const LIST_FIELDS = new Set<string>(Object.values(CONTRIBUTION_FIELDS));

/**
 * The part of a form post that belongs to a section, as it will be kept in the draft: known
 * fields only, each value cut to a safe length. Nothing is checked here: a draft may be unfinished.
 */
export function draftValues(section: TSectionId, posted: Record<string, string | string[]>): Record<string, string | string[]> {
  const kept: Record<string, string | string[]> = {};
  for (const name of SECTION_FIELD_NAMES[section]) {
    const value = posted[name];
    if (value === undefined) continue;
    const list = Array.isArray(value) || !LIST_FIELDS.has(name) ? value : [value];
    kept[name] = Array.isArray(list) ? list.slice(0, 50).map((item) => item.slice(0, MAX_STORED_LENGTH)) : list.slice(0, MAX_STORED_LENGTH);
  }
  return kept;
}
