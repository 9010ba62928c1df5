// The entitlements API described as OpenAPI 3.1, served at /api/v1/openapi.json. The entitlement
// schema follows TEntitlementJson (lib/domain/entitlements.ts); openapi.test.ts checks that it
// names every field a real answer has, so the two cannot drift apart.
import { ENTITLEMENT_END_REASONS } from "@/lib/domain/entitlements";

const instant = { type: "string", format: "date-time" } as const;
const nullableInstant = { type: ["string", "null"], format: "date-time" } as const;

const problemResponse = (description: string) =>
  ({ description, content: { "application/json": { schema: { $ref: "#/components/schemas/Problem" } } } }) as const;

const QUERY_PARAMETERS = [
  {
    name: "at",
    in: "query",
    required: false,
    description: "An instant (ISO 8601 with a time zone): the entitlements as they stood then. Default: now, on the app's clock.",
    schema: instant,
    example: "2026-12-06T18:00:00Z",
  },
  {
    name: "changed_since",
    in: "query",
    required: false,
    description:
      "An instant (ISO 8601 with a time zone): instead of those in force, every entitlement that changed after it, up to `at` (made, extended, started, ended), ended ones included with `ended_at` and `end_reason`. With `at`, it must not be after `at`. Keep the answer's `at` and pass it as `changed_since` next time to follow every change.",
    schema: instant,
  },
] as const;

const errorResponses = {
  "400": problemResponse("A query parameter is unknown, repeated or not an ISO 8601 instant with a time zone, or `changed_since` is after `at`."),
  "401": {
    description: "No token, or a malformed, unknown or revoked one. The body is empty.",
    headers: { "WWW-Authenticate": { schema: { type: "string", const: "Bearer" } } },
  },
  "429": {
    ...problemResponse("Too many calls: 120 a minute per token; failed calls are limited per client address."),
    headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer", minimum: 1 } } },
  },
} as const;

export const OPENAPI = {
  openapi: "3.1.0",
  info: {
    title: "Wikimedia Enterprise exceptional access: entitlements",
    version: "1.0.0",
    description:
      "What each granted request lets an Enterprise account do, and when. An entitlement is in force (`active`) from `starts_at` until `expires_at` or until it ends earlier (`ended_at`); one whose first day has not come is `scheduled`. Answers are never cached (`Cache-Control: no-store`). Tokens are made by an admin at /admin/tokens.",
  },
  servers: [{ url: "/" }],
  security: [{ bearer: [] }],
  paths: {
    "/api/v1/entitlements": {
      get: {
        operationId: "listEntitlements",
        summary: "The entitlements in force, as they stood at an instant, or those that changed since one",
        parameters: QUERY_PARAMETERS,
        responses: {
          "200": {
            description: "The entitlements, by when they last changed, then by reference.",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["at", "entitlements"],
                  properties: { at: instant, entitlements: { type: "array", items: { $ref: "#/components/schemas/Entitlement" } } },
                },
              },
            },
          },
          ...errorResponses,
        },
      },
    },
    "/api/v1/entitlements/{username}": {
      get: {
        operationId: "accountEntitlements",
        summary: "One Enterprise account's entitlements",
        description:
          "The same answer as the list, for one account (exact match). An account without any entitlement gets an empty list with 200, like one that does not exist: the answer never tells whether a name is known.",
        parameters: [
          {
            name: "username",
            in: "path",
            required: true,
            description: "The Enterprise account's username.",
            schema: { type: "string", minLength: 1, maxLength: 255 },
          },
          ...QUERY_PARAMETERS,
        ],
        responses: {
          "200": {
            description: "The account's entitlements.",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["username", "at", "entitlements"],
                  properties: {
                    username: { type: "string" },
                    at: instant,
                    entitlements: { type: "array", items: { $ref: "#/components/schemas/Entitlement" } },
                  },
                },
              },
            },
          },
          ...errorResponses,
        },
      },
    },
  },
  components: {
    securitySchemes: {
      bearer: { type: "http", scheme: "bearer", description: "An API token (`eat_` and 43 characters) made by an admin; shown once when made." },
    },
    schemas: {
      Problem: {
        type: "object",
        required: ["error", "detail"],
        properties: {
          error: { type: "string", description: "A code: unknown_parameter, repeated_parameter, invalid_parameter, invalid_username, rate_limited." },
          detail: { type: "string", description: "What was wrong, in English." },
        },
      },
      Entitlement: {
        type: "object",
        required: ["username", "reference", "state", "scope", "starts_at", "expires_at", "ended_at", "end_reason", "changed_at"],
        properties: {
          username: { type: "string", description: "The Enterprise account the grant is for." },
          reference: { type: "string", description: "The request's reference, like EA-2026-00042." },
          state: { type: "string", enum: ["scheduled", "active", "ended"] },
          scope: {
            type: "object",
            required: ["on_demand", "snapshot", "realtime"],
            properties: {
              on_demand: {
                description: "On-demand access, or null when not granted.",
                oneOf: [
                  {
                    type: "object",
                    required: ["requests_per_month"],
                    properties: { requests_per_month: { type: ["integer", "null"], description: "The monthly allowance; null when none was set." } },
                  },
                  { type: "null" },
                ],
              },
              snapshot: {
                description: "Snapshot access, or null when not granted.",
                oneOf: [
                  {
                    type: "object",
                    required: ["frequency"],
                    properties: { frequency: { type: ["string", "null"], description: "How often, like weekly; null when none was set." } },
                  },
                  { type: "null" },
                ],
              },
              realtime: { type: "boolean", description: "Whether realtime access is granted." },
            },
          },
          starts_at: { ...instant, description: "When it comes into force." },
          expires_at: { ...instant, description: "When it ends unless extended." },
          ended_at: { ...nullableInstant, description: "When it ended (withdrawn, given up or expired), as of the answer's `at`; null while it holds." },
          end_reason: { type: ["string", "null"], enum: [...ENTITLEMENT_END_REASONS, null] },
          changed_at: { ...instant, description: "The last moment, up to the answer's `at`, it changed: recorded, started or ended." },
        },
      },
    },
  },
} as const;
