// A real SMTP server for the end-to-end run: accepts every message and keeps it as an .eml file,
// which the tests read (e2e/support/mailbox.ts).
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

import { SMTPServer } from "smtp-server";

import { E2E, mailDir } from "./settings";

rmSync(mailDir, { recursive: true, force: true });
mkdirSync(mailDir, { recursive: true });

let count = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, _session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => {
      const name = `${Date.now()}-${String(++count).padStart(5, "0")}.eml`;
      writeFileSync(path.join(mailDir, name), Buffer.concat(chunks));
      callback();
    });
  },
});

server.listen(E2E.smtpPort, "127.0.0.1", () => console.log(`[smtp-sink] listening on ${E2E.smtpPort}, keeping mail in ${mailDir}`));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.close(() => process.exit(0)));
