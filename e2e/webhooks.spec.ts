// A decision takes effect: an admin connects an account system (the reference receiver in
// examples/webhook-receiver, run as its README says), a reviewer grants and later withdraws
// through the pages, and the receiver is told both, signed, once each and in order.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";

import { testDb } from "./support/database";
import { expect, expectAccessible, test } from "./support/fixtures";
import { dateFromToday } from "./support/apply";
import { createSubmittedRequest } from "./support/requests";
import { grant, personPage, take } from "./support/review";
import { freePort } from "../test-support/database";

type TReceived = { id: string; type: string; reference: string | null };
type TEntitlement = { username: string; reference: string; state: string; end_reason: string | null; scope: Record<string, unknown> };

/** The reference receiver as an account system would run it, on `port`, verifying with `secret`. */
async function startReceiver(secret: string, port: number) {
  const receiver = spawn(process.execPath, ["examples/webhook-receiver/receiver.mjs"], {
    env: { ...process.env, WEBHOOK_SECRET: secret, PORT: String(port) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  receiver.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  await expect.poll(() => output, { timeout: 10_000 }).toContain(`listening on ${port}`);
  return receiver;
}

async function stop(receiver: ChildProcess | undefined) {
  if (!receiver || receiver.exitCode !== null) return;
  receiver.kill("SIGTERM");
  await once(receiver, "exit");
}

async function heard<T>(port: number, path: "/entitlements" | "/received"): Promise<T[]> {
  const response = await fetch(`http://127.0.0.1:${port}${path}`);
  return (await response.json()) as T[];
}

test("an admin connects the account system; a grant and its withdrawal reach it signed, once each, in order", async ({ page, browser, signInAs }) => {
  test.setTimeout(90_000);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/webhooks`;
  let receiver: ChildProcess | undefined;
  try {
    await signInAs("ADMIN");
    await page.goto("/admin/webhooks");
    await page.getByLabel("Address (URL)").fill(url);
    await page.getByLabel("Description (optional)").fill("Enterprise account system");
    for (const type of ["grant.created", "grant.withdrawn", "entitlement.changed"]) await page.getByLabel(type, { exact: true }).check();
    await page.getByLabel(/plain http/i).check();
    await page.getByRole("button", { name: "Add endpoint" }).click();
    const secret = (await page.getByTestId("webhook-secret").textContent()) ?? "";
    expect(secret).toMatch(/^whsec_/);
    receiver = await startReceiver(secret, port);

    const submitted = await createSubmittedRequest();
    const { page: review } = await personPage(browser, "WMF_REVIEWER");
    await take(review, submitted.id);
    // Starting today, so the account system is told of access in force at once.
    await grant(review, { startsOn: dateFromToday(0) });

    const entitlementOf = async () => (await heard<TEntitlement>(port, "/entitlements")).find((entitlement) => entitlement.reference === submitted.reference);
    await expect.poll(entitlementOf, { timeout: 20_000 }).toMatchObject({
      username: "ada-lab",
      state: "active",
      end_reason: null,
      scope: { snapshot: { frequency: "weekly" }, realtime: false },
    });

    const withdraw = review.getByRole("form", { name: "Withdraw the grant" });
    await withdraw.getByLabel("The use case has ended").check();
    await withdraw.getByLabel("Message to the requester").fill("The project has finished, so the access ends today.");
    await withdraw.getByRole("button", { name: "Withdraw" }).click();
    await expect(review.getByRole("status").filter({ hasText: "The grant is withdrawn." })).toBeVisible();
    await expect.poll(entitlementOf, { timeout: 20_000 }).toMatchObject({ state: "ended", end_reason: "withdrawn" });

    // Every event once, in the order the decisions were made (other journeys' events may be interleaved).
    const ours = (await heard<TReceived>(port, "/received")).filter((event) => event.reference === submitted.reference);
    expect(ours.map((event) => event.type)).toEqual(["grant.created", "entitlement.changed", "grant.withdrawn", "entitlement.changed"]);
    expect(new Set(ours.map((event) => event.id)).size).toBe(4);

    // The admin sees them delivered on the endpoint's page.
    await page.goto("/admin/webhooks");
    await page.getByRole("link", { name: url }).click();
    const deliveries = page.getByRole("table", { name: "Deliveries" });
    await expect(deliveries.getByRole("row").filter({ hasText: submitted.reference }).filter({ hasText: "Delivered" })).toHaveCount(4);
    await expectAccessible(page);
    await review.context().close();
  } finally {
    await stop(receiver);
    // Later journeys' events are not for this receiver, which is gone.
    await testDb().query(`UPDATE "WebhookEndpoint" SET "enabled" = false WHERE "url" = $1`, [url]);
  }
});
