// The browser policy every response carries; pages add their per-request CSP in proxy.ts.
// docs/decisions/006-browser-security-headers.md explains the choices.
const everyResponse = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  {
    key: "Permissions-Policy",
    value: [
      "accelerometer=()",
      "browsing-topics=()",
      "camera=()",
      "display-capture=()",
      "geolocation=()",
      "gyroscope=()",
      "hid=()",
      "interest-cohort=()",
      "magnetometer=()",
      "microphone=()",
      "midi=()",
      "payment=()",
      "serial=()",
      "usb=()",
    ].join(", "),
  },
];

/** @type {import("next").NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm test` has just run `npm run typecheck` over the whole project (tests and scripts too):
  // its build skips Next.js's second, narrower pass. Every other build checks types itself.
  typescript: { ignoreBuildErrors: process.env.TYPES_ALREADY_CHECKED === "1" },
  // The launcher (scripts/start.ts) owns the database process; the app only connects to it.
  serverExternalPackages: ["pg"],
  async headers() {
    return [
      { source: "/:path*", headers: everyResponse },
      {
        // Behind a TLS-terminating proxy. These rules are fixed at build time, so APP_ENV cannot
        // be read here: proxy.ts adds HSTS to pages in production whatever the protocol.
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }],
      },
      {
        // The API answers JSON and redirects, never a document that should run or embed anything.
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      },
      // The public register as data (JSON) and as a feed (Atom): likewise nothing to run.
      ...["/register.json", "/register.atom"].map((source) => ({
        source,
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      })),
    ];
  },
};

export default nextConfig;
