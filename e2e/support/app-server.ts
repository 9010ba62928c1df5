// The app as `npm start` runs it, on a fresh embedded database for this run.
import { rmSync } from "node:fs";
import path from "node:path";

import { resetClock } from "./clock";
import { E2E } from "./settings";

rmSync(path.join(E2E.dataDir, "postgres"), { recursive: true, force: true });
resetClock();
await import("../../scripts/start");
