// Where the end-to-end run puts its app, database and mail; every value can be overridden.
import path from "node:path";

export const E2E = {
  appPort: Number(process.env.E2E_APP_PORT ?? 3100),
  smtpPort: Number(process.env.E2E_SMTP_PORT ?? 2526),
  dbPort: Number(process.env.E2E_DB_PORT ?? 54329),
  wikimediaPort: Number(process.env.E2E_WIKIMEDIA_PORT ?? 4126),
  dataDir: path.resolve(process.env.E2E_DATA_DIR ?? ".data/e2e"),
  adminEmail: "first.admin@example.org",
};

export const baseURL = `http://localhost:${E2E.appPort}`;
export const mailDir = path.join(E2E.dataDir, "mail");
/** The stand-in for Meta-Wiki's OAuth endpoints (test-support/wikimedia-oauth.ts) and the app's consumer there. */
export const wikimediaURL = `http://127.0.0.1:${E2E.wikimediaPort}`;
export const WIKIMEDIA_CONSUMER = { id: "e2e-consumer", secret: "e2e-consumer-secret" };
