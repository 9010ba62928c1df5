import "server-only";

import { currentTime } from "@/lib/clock";

/** The server's idea of now; every rule about dates asks here, never the browser. */
export function now() {
  return currentTime();
}

/** Today's date on the server, as YYYY-MM-DD (UTC). */
export function today() {
  return now().toISOString().slice(0, 10);
}
