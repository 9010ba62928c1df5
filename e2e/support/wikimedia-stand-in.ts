// Meta-Wiki's OAuth 2.0 endpoints for the end-to-end run, as the app's Wikimedia sign-in sees
// them; each test adds the accounts it signs in with (e2e/support/wikimedia.ts).
import { startWikimediaStandIn } from "../../test-support/wikimedia-oauth";

import { baseURL, E2E, WIKIMEDIA_CONSUMER } from "./settings";

const server = await startWikimediaStandIn(E2E.wikimediaPort, {
  clientId: WIKIMEDIA_CONSUMER.id,
  clientSecret: WIKIMEDIA_CONSUMER.secret,
  callbackPrefix: `${baseURL}/api/auth/callback/wikimedia`,
});
console.log(`[wikimedia] stand-in listening on ${E2E.wikimediaPort}`);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.close(() => process.exit(0)));
