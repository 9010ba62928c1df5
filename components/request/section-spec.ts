// What each question page shows: its fields in order, their labels, hints and choices, and the
// questions revealed by a choice. The rules that check the answers live in lib/domain/request.
import {
  APIS,
  EXCEPTION_TYPES,
  FREE_METHOD_USE,
  FREE_METHODS,
  NEED_REASONS,
  PROJECTS,
  PUBLIC_BENEFIT_AREAS,
  CONTRIBUTION_KINDS,
  REQUESTER_KINDS,
  SPECIAL_CONSIDERATIONS,
  STRATEGY_RECOMMENDATIONS,
  YES_NO,
  YES_NO_UNSURE,
} from "@/lib/domain/request/options";
import { methodShortfallField, methodUseField, SHORTFALL_USES, volumeField } from "@/lib/domain/request/field-names";
import type { TSectionContext, TSectionId } from "@/lib/domain/request/sections";
import type { TMessageKey } from "@/lib/i18n/translator";

import type { TFieldSpec, TOption } from "./field-spec";

const key = (value: string) => value as TMessageKey;
const options = (values: readonly string[], prefix: string, extra: Record<string, Partial<TOption>> = {}): TOption[] =>
  values.map((value) => ({ value, label: key(`${prefix}-${value.replace(/_/g, "-")}`), ...extra[value] }));

function volumeGroup(project: string): TFieldSpec {
  return {
    kind: "group",
    name: `${project}Volume`,
    label: key(`field-volume-${project}-legend`),
    hint: "field-volume-hint",
    fields: [
      { kind: "number", name: volumeField(project, "RequestsPerMonth"), label: "field-volume-requests", width: "short", inputMode: "numeric" },
      { kind: "number", name: volumeField(project, "PeakPerSecond"), label: "field-volume-peak", width: "short", inputMode: "decimal" },
      { kind: "number", name: volumeField(project, "SnapshotsPerMonth"), label: "field-volume-snapshots", width: "short", inputMode: "numeric" },
    ],
  };
}

const PROJECT_REVEALS: Record<string, TFieldSpec[]> = {
  wikipedia: [
    { kind: "textarea", name: "wikipediaLanguages", label: "field-wikipedia-languages", hint: "field-wikipedia-languages-hint", dir: "ltr" },
    volumeGroup("wikipedia"),
  ],
  wikidata: [
    { kind: "number", name: "wikidataShare", label: "field-wikidata-share", hint: "field-wikidata-share-hint", width: "short", inputMode: "numeric" },
    {
      kind: "radios",
      name: "wikidataCentral",
      label: "field-wikidata-central",
      hint: "field-wikidata-central-hint",
      options: options(YES_NO, "option-yes-no"),
    },
    volumeGroup("wikidata"),
  ],
  commons: [volumeGroup("commons")],
  other: [{ kind: "textarea", name: "otherProjects", label: "field-other-projects" }, volumeGroup("other")],
};

export function sectionFields(section: TSectionId, context: TSectionContext): TFieldSpec[] {
  switch (section) {
    case "who":
      return [
        { kind: "radios", name: "requesterKind", label: "field-requester-kind", options: options(REQUESTER_KINDS, "option-requester-kind") },
        { kind: "text", name: "contactName", label: "field-contact-name", autoComplete: "name" },
        { kind: "text", name: "organisation", label: "field-organisation", hint: "field-organisation-hint", autoComplete: "organization" },
        { kind: "email", name: "email", label: "field-email", hint: "field-email-hint", autoComplete: "email" },
        {
          kind: "text",
          name: "enterpriseUsername",
          label: "field-enterprise-username",
          hint: "field-enterprise-username-hint",
          width: "medium",
          autoComplete: "off",
          dir: "ltr",
        },
        { kind: "select", name: "country", label: "field-country", hint: "field-country-hint", options: "countries" },
      ];
    case "what":
      return [
        {
          kind: "radios",
          name: "exceptionType",
          label: "field-exception-type",
          options: options(EXCEPTION_TYPES, "option-exception-type", {
            other: { reveals: [{ kind: "textarea", name: "exceptionOther", label: "field-exception-other" }] },
          }),
        },
        { kind: "textarea", name: "purpose", label: "field-purpose", hint: "field-purpose-hint" },
        { kind: "checkboxes", name: "apis", label: "field-apis", hint: "field-apis-hint", options: options(APIS, "option-api") },
        {
          kind: "checkboxes",
          name: "projects",
          label: "field-projects",
          hint: "field-projects-hint",
          options: options(PROJECTS, "option-project", Object.fromEntries(PROJECTS.map((project) => [project, { reveals: PROJECT_REVEALS[project] }]))),
        },
        { kind: "textarea", name: "links", label: "field-links", hint: "field-links-hint", dir: "ltr" },
      ];
    case "need":
      return [
        ...FREE_METHODS.flatMap((method): TFieldSpec[] => {
          const slug = method.replace(/_/g, "-");
          return [
            {
              kind: "radios",
              name: methodUseField(method),
              label: key(`option-free-method-${slug}`),
              hint: key(`field-free-method-${slug}-hint`),
              options: options(FREE_METHOD_USE, "option-method-use"),
              shared: {
                for: SHORTFALL_USES,
                fields: [
                  { kind: "textarea", name: methodShortfallField(method), label: key(`field-method-shortfall-${slug}`), hint: "field-method-shortfall-hint" },
                ],
              },
            },
          ];
        }),
        {
          kind: "checkboxes",
          name: "reasons",
          label: "field-reasons",
          hint: "field-reasons-hint",
          options: options(NEED_REASONS, "option-need-reason", {
            other: { reveals: [{ kind: "textarea", name: "reasonOther", label: "field-reason-other" }] },
          }),
        },
        { kind: "textarea", name: "needExplanation", label: "field-need-explanation", hint: "field-need-explanation-hint" },
      ];
    case "obligation":
      return [
        {
          kind: "radios",
          name: "customDevelopment",
          label: "field-custom-development",
          hint: "field-custom-development-hint",
          options: options(YES_NO, "option-yes-no", {
            yes: { reveals: [{ kind: "textarea", name: "customDevelopmentDetail", label: "field-custom-development-detail" }] },
          }),
        },
        {
          kind: "radios",
          name: "currentApisSuffice",
          label: "field-current-apis",
          hint: "field-current-apis-hint",
          options: options(YES_NO_UNSURE, "option-yes-no-unsure"),
        },
        { kind: "textarea", name: "currentApisDetail", label: "field-current-apis-detail", hint: "field-current-apis-detail-hint" },
        { kind: "date", name: "startDate", label: "field-start-date", hint: "field-start-date-hint" },
        { kind: "date", name: "endDate", label: "field-end-date", hint: "field-end-date-hint" },
        {
          kind: "contributions",
          name: "contributions",
          label: "field-contributions",
          hint: "field-contributions-hint",
          options: options(CONTRIBUTION_KINDS, "option-reciprocal"),
        },
        { kind: "textarea", name: "reciprocalDetail", label: "field-reciprocal-detail", hint: "field-reciprocal-detail-hint" },
      ];
    case "mission":
      return [
        {
          kind: "checkboxes",
          name: "recommendations",
          label: "field-recommendations",
          hint: "field-recommendations-hint",
          options: options(STRATEGY_RECOMMENDATIONS, "option-recommendation"),
        },
        { kind: "textarea", name: "missionExplanation", label: "field-mission-explanation", hint: "field-mission-explanation-hint" },
        { kind: "checkboxes", name: "special", label: "field-special", hint: "field-special-hint", options: options(SPECIAL_CONSIDERATIONS, "option-special") },
        { kind: "textarea", name: "specialDetail", label: "field-special-detail", hint: "field-special-detail-hint" },
        { kind: "checkbox", name: "noSilos", label: "field-no-silos", hint: "field-no-silos-hint" },
      ];
    case "values":
      return [
        { kind: "textarea", name: "commitment", label: "field-commitment", hint: "field-commitment-hint" },
        {
          kind: "checkboxes",
          name: "benefitAreas",
          label: "field-benefit-areas",
          hint: "field-benefit-areas-hint",
          options: options(PUBLIC_BENEFIT_AREAS, "option-benefit-area"),
        },
        ...(context.requesterKind === "commercial"
          ? [{ kind: "textarea", name: "jeopardyStatement", label: "field-jeopardy", hint: "field-jeopardy-hint" } satisfies TFieldSpec]
          : []),
        {
          kind: "radios",
          name: "generativeAi",
          label: "field-generative-ai",
          hint: "field-generative-ai-hint",
          options: options(YES_NO, "option-yes-no", {
            yes: { reveals: [{ kind: "textarea", name: "aiEthics", label: "field-ai-ethics", hint: "field-ai-ethics-hint" }] },
          }),
        },
        { kind: "checkbox", name: "noHarms", label: "field-no-harms", hint: "field-no-harms-hint" },
        { kind: "checkbox", name: "registerConsent", label: "field-register-consent", hint: "field-register-consent-hint" },
      ];
  }
}

/** Every message a list of questions shows: labels, hints and choices, with the questions they reveal. */
export function messageKeysOf(fields: readonly TFieldSpec[]): TMessageKey[] {
  return fields.flatMap((spec): TMessageKey[] => [
    spec.label,
    ...(spec.hint ? [spec.hint] : []),
    ...("fields" in spec ? messageKeysOf(spec.fields) : []),
    ...("options" in spec && Array.isArray(spec.options)
      ? spec.options.flatMap((option) => [option.label, ...(option.hint ? [option.hint] : []), ...messageKeysOf(option.reveals ?? [])])
      : []),
    ...("shared" in spec && spec.shared ? messageKeysOf(spec.shared.fields) : []),
  ]);
}
