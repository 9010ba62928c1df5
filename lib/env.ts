import { z } from "zod";

/**
 * Every setting the app and its launcher read, validated once. `.env.example` documents each one.
 * A wrong or missing setting stops the start with a list of what to fix.
 */
const booleanFlag = z.enum(["true", "false", "1", "0", "yes", "no"]).transform((value) => value === "true" || value === "1" || value === "yes");

const emailList = z
  .string()
  .transform((value) =>
    value
      .split(",")
      .map((email) => email.trim().toLowerCase())
      .filter(Boolean),
  )
  .pipe(z.array(z.email({ message: "must be a comma-separated list of email addresses" })));

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value?.trim() ? value.trim() : undefined));

const ZEnvInput = z.object({
  APP_ENV: z.enum(["production", "development"]).optional(),
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\/.+/, "must be a postgresql:// connection URL")
      .optional(),
  ),
  DATA_DIR: z.string().default(".data"),
  EMBEDDED_DB_PORT: z.coerce.number().int().min(1).max(65535).default(54320),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  BIND_HOST: optionalString,
  AUTH_SECRET: optionalString.pipe(z.string().min(32, "must be at least 32 characters").optional()),
  AUTH_URL: optionalString.pipe(z.url({ message: "must be a full URL such as https://access.example.org" }).optional()),
  AUTH_TRUST_HOST: optionalString.pipe(booleanFlag.optional()),
  AUTH_WIKIMEDIA_ID: optionalString,
  AUTH_WIKIMEDIA_SECRET: optionalString,
  AUTH_WIKIMEDIA_URL: optionalString.pipe(z.url({ message: "must be a full URL such as https://meta.wikimedia.org" }).optional()),
  // Set by `npm start` for its own children when the consumer is its demo stand-in (scripts/start.ts).
  AUTH_WIKIMEDIA_DEMO: optionalString.pipe(booleanFlag.optional()),
  SMTP_URL: optionalString.pipe(
    z
      .string()
      .regex(/^smtps?:\/\/.+/, "must be an smtp:// or smtps:// URL")
      .optional(),
  ),
  MAIL_FROM: z.string().default("Wikimedia Enterprise exceptional access <no-reply@localhost>"),
  // One address people's replies reach; none by default, and then emails ask people not to reply.
  REPLY_TO: optionalString.pipe(z.email({ message: "must be one email address" }).optional()),
  ADMIN_EMAILS: z.string().default("").pipe(emailList),
  DEMO_DATA: optionalString.pipe(booleanFlag.optional()),
  BUILD_ON_START: optionalString.pipe(booleanFlag.optional()),
  CLOCK_FILE: optionalString,
  JOINT_WIKIDATA_SHARE: z.coerce.number().int().min(0, "must be a percentage from 0 to 100").max(100, "must be a percentage from 0 to 100").default(25),
  EMAIL_RETRY_DELAY_SECONDS: z.coerce
    .number()
    .int()
    .min(1, "must be a whole number of seconds from 1 to 3600")
    .max(3600, "must be a whole number of seconds from 1 to 3600")
    .default(30),
  EMAIL_RETRY_LIMIT: z.coerce.number().int().min(0, "must be a whole number from 0 to 20").max(20, "must be a whole number from 0 to 20").default(7),
  WEBHOOK_RETRY_DELAY_SECONDS: z.coerce
    .number()
    .int()
    .min(1, "must be a whole number of seconds from 1 to 3600")
    .max(3600, "must be a whole number of seconds from 1 to 3600")
    .default(5),
  WEBHOOK_RETRY_LIMIT: z.coerce.number().int().min(0, "must be a whole number from 0 to 20").max(20, "must be a whole number from 0 to 20").default(8),
  WEBHOOK_TIMEOUT_SECONDS: z.coerce
    .number()
    .int()
    .min(1, "must be a whole number of seconds from 1 to 60")
    .max(60, "must be a whole number of seconds from 1 to 60")
    .default(10),
  WORKER_SWEEP_SECONDS: z.coerce
    .number()
    .int()
    .min(1, "must be a whole number of seconds from 1 to 3600")
    .max(3600, "must be a whole number of seconds from 1 to 3600")
    .default(60),
  RETENTION_DAYS: z.coerce
    .number()
    .int()
    .min(30, "must be a whole number of days from 30 to 3650")
    .max(3650, "must be a whole number of days from 30 to 3650")
    .default(730),
  SIGNIN_LINKS_PER_IP_PER_HOUR: z.coerce
    .number()
    .int()
    .min(1, "must be a whole number from 1 to 1000000")
    .max(1_000_000, "must be a whole number from 1 to 1000000")
    .default(20),
  API_AUTH_FAILURES_PER_IP_PER_MINUTE: z.coerce
    .number()
    .int()
    .min(1, "must be a whole number from 1 to 1000000")
    .max(1_000_000, "must be a whole number from 1 to 1000000")
    .default(30),
});

export type TEnv = ReturnType<typeof parseEnv>;

/** Where Wikimedia accounts sign in unless AUTH_WIKIMEDIA_URL says otherwise. */
export const WIKIMEDIA_URL = "https://meta.wikimedia.org";

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`The configuration needs attention:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "EnvError";
  }
}

/** Validates a set of variables; throws EnvError listing every problem at once. */
export function parseEnv(source: Record<string, string | undefined>) {
  const result = ZEnvInput.safeParse(source);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  const input = result.data;
  const embeddedDatabase = !input.DATABASE_URL;
  // A real deployment points at its own database; the embedded one is for trying the app out.
  const appEnv = input.APP_ENV ?? (embeddedDatabase ? "development" : "production");
  const production = appEnv === "production";

  const problems: string[] = [];
  if (Boolean(input.AUTH_WIKIMEDIA_ID) !== Boolean(input.AUTH_WIKIMEDIA_SECRET)) {
    problems.push("AUTH_WIKIMEDIA_ID and AUTH_WIKIMEDIA_SECRET: set both to enable Wikimedia sign-in, or neither");
  }
  if (production) {
    if (!input.SMTP_URL) problems.push("SMTP_URL: required in production, or no sign-in link or decision email can be sent");
    if (!input.AUTH_SECRET) problems.push("AUTH_SECRET: required in production (generate one with `openssl rand -base64 33`)");
    if (!input.AUTH_URL && !input.AUTH_TRUST_HOST) {
      problems.push("AUTH_URL: required in production, the public address of the app, used in sign-in links");
    }
    if (input.CLOCK_FILE) problems.push("CLOCK_FILE: only for tests; production runs on the real time");
    if (source.MAIL_FROM === undefined) problems.push("MAIL_FROM: required in production, the sender of every email");
    if (input.AUTH_WIKIMEDIA_URL && !input.AUTH_WIKIMEDIA_URL.startsWith("https://")) {
      problems.push("AUTH_WIKIMEDIA_URL: must be an https:// address in production, or tokens and profiles travel in the clear");
    }
    if (input.AUTH_WIKIMEDIA_DEMO) problems.push("AUTH_WIKIMEDIA_DEMO: the demo Wikimedia sign-in lets anyone be anyone; never in production");
  }
  if (problems.length) throw new EnvError(problems);

  return {
    appEnv,
    production,
    databaseUrl: input.DATABASE_URL,
    embeddedDatabase,
    dataDir: input.DATA_DIR,
    embeddedDbPort: input.EMBEDDED_DB_PORT,
    port: input.PORT,
    // Outside production only this machine can reach the app unless told otherwise: its
    // development mailbox and demo accounts are for whoever sits at it.
    bindHost: input.BIND_HOST ?? (production ? undefined : "127.0.0.1"),
    authSecret: input.AUTH_SECRET,
    authUrl: input.AUTH_URL,
    // Forwarded headers (X-Forwarded-For/-Host/-Proto) are believed only when this is set: anyone
    // can send them, so only a proxy known to set them may be trusted (lib/http/front-door.ts).
    trustProxy: input.AUTH_TRUST_HOST ?? false,
    wikimedia:
      input.AUTH_WIKIMEDIA_ID && input.AUTH_WIKIMEDIA_SECRET
        ? {
            clientId: input.AUTH_WIKIMEDIA_ID,
            clientSecret: input.AUTH_WIKIMEDIA_SECRET,
            // The wiki whose OAuth endpoints sign people in: Meta-Wiki, or a stand-in in tests.
            url: (input.AUTH_WIKIMEDIA_URL ?? WIKIMEDIA_URL).replace(/\/+$/, ""),
            // The consumer is the launcher's stand-in with demo accounts: offered to this machine only.
            demo: input.AUTH_WIKIMEDIA_DEMO ?? false,
          }
        : undefined,
    smtpUrl: input.SMTP_URL,
    mailFrom: input.MAIL_FROM,
    replyTo: input.REPLY_TO,
    adminEmails: input.ADMIN_EMAILS,
    demoData: input.DEMO_DATA ?? embeddedDatabase,
    // A build made beforehand (a deployment, or instances sharing one folder) is never remade by a start.
    buildOnStart: input.BUILD_ON_START ?? true,
    jointWikidataShare: input.JOINT_WIKIDATA_SHARE,
    emailRetryDelaySeconds: input.EMAIL_RETRY_DELAY_SECONDS,
    emailRetryLimit: input.EMAIL_RETRY_LIMIT,
    webhookRetryDelaySeconds: input.WEBHOOK_RETRY_DELAY_SECONDS,
    webhookRetryLimit: input.WEBHOOK_RETRY_LIMIT,
    webhookTimeoutSeconds: input.WEBHOOK_TIMEOUT_SECONDS,
    sweepSeconds: input.WORKER_SWEEP_SECONDS,
    retentionDays: input.RETENTION_DAYS,
    signInLinksPerIpPerHour: input.SIGNIN_LINKS_PER_IP_PER_HOUR,
    apiAuthFailuresPerIpPerMinute: input.API_AUTH_FAILURES_PER_IP_PER_MINUTE,
  };
}

let cached: TEnv | undefined;

/** The validated settings of this process, read on first use (never at build time). */
export function env(): TEnv {
  cached ??= parseEnv(process.env);
  return cached;
}

/** The address people reach the app at, for links in emails. */
export function publicUrl(settings: TEnv = env()) {
  return (settings.authUrl ?? `http://localhost:${settings.port}`).replace(/\/$/, "");
}
