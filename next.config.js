/** @type {import("next").NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The launcher (scripts/start.ts) owns the database process; the app only connects to it.
  serverExternalPackages: ["pg"],
};

export default nextConfig;
