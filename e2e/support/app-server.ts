// The app as `npm start` runs it, on a fresh embedded database for this run.
import { removeEmbeddedDb } from "../../scripts/embedded-db";

import { resetClock } from "./clock";
import { E2E } from "./settings";

removeEmbeddedDb(E2E.dataDir);
resetClock();
await import("../../scripts/start");
