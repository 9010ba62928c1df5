// The two-instance run's own ports and folder (E2E_TOPOLOGY_* to change them), set before
// e2e/support/settings.ts reads them, so the journeys' helpers reach nginx (http://localhost:PORT;
// Next.js calls every loopback address localhost in the URLs it makes) and this run's database.
const port = process.env.E2E_TOPOLOGY_PORT ?? "3180";
Object.assign(process.env, {
  E2E_APP_PORT: port,
  E2E_DB_PORT: process.env.E2E_TOPOLOGY_DB_PORT ?? "54339",
  E2E_SMTP_PORT: process.env.E2E_TOPOLOGY_SMTP_PORT ?? "2536",
  E2E_WIKIMEDIA_PORT: process.env.E2E_TOPOLOGY_WIKIMEDIA_PORT ?? "4136",
  E2E_DATA_DIR: process.env.E2E_TOPOLOGY_DATA_DIR ?? ".data/e2e-topology",
});
