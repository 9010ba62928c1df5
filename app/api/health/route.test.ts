import assert from "node:assert/strict";
import { createServer } from "node:net";
import { it } from "node:test";

/** A port on this machine that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

it("answers 503 with the database down when the database cannot be reached", async () => {
  process.env.DATABASE_URL = `postgresql://nobody:nothing@127.0.0.1:${await closedPort()}/none`;
  process.env.APP_ENV = "development";
  const { GET } = await import("./route");
  const response = await GET();
  assert.equal(response.status, 503);
  assert.deepEqual(await response.json(), { status: "unavailable", database: { status: "down" } });
  assert.equal(response.headers.get("cache-control"), "no-store");
});
