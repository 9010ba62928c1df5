// Where the end-to-end run puts its app, database and mail; every value can be overridden.
import path from "node:path";

export const E2E = {
  appPort: Number(process.env.E2E_APP_PORT ?? 3100),
  smtpPort: Number(process.env.E2E_SMTP_PORT ?? 2526),
  dbPort: Number(process.env.E2E_DB_PORT ?? 54329),
  dataDir: path.resolve(process.env.E2E_DATA_DIR ?? ".data/e2e"),
  adminEmail: "first.admin@example.org",
};

export const baseURL = `http://localhost:${E2E.appPort}`;
export const mailDir = path.join(E2E.dataDir, "mail");
