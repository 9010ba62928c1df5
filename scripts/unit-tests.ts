// `npm run test:unit`: every *.test.ts outside e2e/, on Node's own test runner. The react-server
// condition lets server modules (those importing "server-only") be tested directly.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";

const ROOTS = ["lib", "scripts", "prisma", "app", "components"];

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" || entry.name === "node_modules" ? [] : testFiles(full);
    return entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

const files = ROOTS.flatMap(testFiles);
const result = spawnSync(process.execPath, ["--import", "tsx", "--conditions=react-server", "--test", ...files], { stdio: "inherit" });
process.exit(result.status ?? 1);
