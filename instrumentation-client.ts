import { config } from "zod/v4/core";

// Runs before any page's code. Zod checks whether it may compile parsers with `new Function`; under
// our Content-Security-Policy (no 'unsafe-eval') that check is a reported violation, so skip it.
config({ jitless: true });
