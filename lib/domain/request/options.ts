// The fixed choices of the application form. Labels live in the message files, keyed by these values.

export const REQUESTER_KINDS = ["individual", "academic", "nonprofit", "affiliate", "public_body", "commercial"] as const;
export type TRequesterKind = (typeof REQUESTER_KINDS)[number];

export const EXCEPTION_TYPES = ["above_free_volume", "new_feature", "sla_support", "other"] as const;

export const APIS = ["snapshot", "on_demand", "realtime"] as const;

export const PROJECTS = ["wikipedia", "wikidata", "commons", "other"] as const;
export type TProject = (typeof PROJECTS)[number];

/** The free ways to reach the content, which a request must explain falling short of. */
export const FREE_METHODS = ["free_account", "cloud_services", "dumps", "public_apis"] as const;
export type TFreeMethod = (typeof FREE_METHODS)[number];
export const FREE_METHOD_USE = ["tried", "considered", "not_considered"] as const;

export const NEED_REASONS = ["above_free_rate", "missing_feature", "sla_required", "other"] as const;

export const YES_NO = ["yes", "no"] as const;
export const YES_NO_UNSURE = ["yes", "no", "unsure"] as const;

export const RECIPROCAL_CONTRIBUTIONS = ["content_data", "reports", "tools", "infrastructure", "volunteer_support", "technical_collaboration", "none"] as const;

/** The kinds a promised contribution may have: every reciprocal contribution but "none". */
export const CONTRIBUTION_KINDS = [
  "content_data",
  "reports",
  "tools",
  "infrastructure",
  "volunteer_support",
  "technical_collaboration",
] as const satisfies readonly Exclude<(typeof RECIPROCAL_CONTRIBUTIONS)[number], "none">[];

/** The ten recommendations of the Wikimedia 2030 Movement Strategy. */
export const STRATEGY_RECOMMENDATIONS = [
  "sustainability",
  "user_experience",
  "safety_inclusion",
  "equity_decisions",
  "coordination",
  "skills_leadership",
  "knowledge_management",
  "topics_for_impact",
  "innovation",
  "evaluate_iterate",
] as const;

export const SPECIAL_CONSIDERATIONS = ["marginalised_communities", "underrepresented_languages", "sister_projects"] as const;

export const PUBLIC_BENEFIT_AREAS = ["education", "cultural_heritage", "research", "accessibility", "public_information", "intergovernmental"] as const;

/** ISO 3166-1 alpha-2 codes; names come from Intl.DisplayNames in the reader's language. */
export const COUNTRIES = (
  "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
  "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
  "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO " +
  "JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR " +
  "MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO " +
  "RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV " +
  "TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW"
).split(" ");
