/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native modules stay outside the bundle; Next loads them from node_modules at run time.
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2"],
  poweredByHeader: false,
  // The build type-checks the app only; tests and scripts are checked by `npm run typecheck`.
  typescript: { tsconfigPath: "tsconfig.build.json" },
  // Git traffic is streamed by route handlers; nothing here may buffer it.
};

export default nextConfig;
