// Security headers for answers proxy.ts does not see (API, git, the gateway, static
// files); pages get theirs, with a per-request CSP nonce, from proxy.ts. Kept in
// step with lib/http/security-headers.ts (this file cannot import TypeScript).
const common = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()" },
  { key: "X-Frame-Options", value: "DENY" },
];
const nonPage = [...common, { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'; sandbox" }];
// Scripts that run as workers under session pages' cross-origin isolation must accept it
// themselves (a dedicated worker without it is refused); other files ignore the header.
const isolatedScripts = [...common, { key: "Cross-Origin-Embedder-Policy", value: "require-corp" }];
// Pyodide's files for notebooks' kernels: loaded by Benchtop's own workers only.
const pyodide = [...nonPage, { key: "Cross-Origin-Resource-Policy", value: "same-origin" }];
const overHttps = [{ type: "header", key: "x-forwarded-proto", value: "https" }];
const hsts = [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native modules stay outside the bundle; Next loads them from node_modules at run time.
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2"],
  poweredByHeader: false,
  // A deployment's folders are served at paths ending in "/" (relative links in
  // their pages depend on it); Next would otherwise redirect them to the bare form.
  skipTrailingSlashRedirect: true,
  // The build type-checks the app only; tests and scripts are checked by `npm run typecheck`.
  typescript: { tsconfigPath: "tsconfig.build.json" },
  // Git traffic is streamed by route handlers; nothing here may buffer it.
  async headers() {
    return [
      { source: "/api/:path*", headers: nonPage },
      { source: "/git/:path*", headers: nonPage },
      { source: "/proxy/:path*", headers: nonPage },
      { source: "/_next/:path*", headers: isolatedScripts },
      { source: "/pyodide/:path*", headers: pyodide },
      // Deployed content: the route sets its own policy (sandboxed) and caching.
      { source: "/deploy/:path*", headers: common },
      // The site's icon, served to signed-out pages too; an SVG gets a policy under which nothing in it runs.
      { source: "/icon.svg", headers: nonPage },
      { source: "/api/:path*", has: overHttps, headers: hsts },
      { source: "/git/:path*", has: overHttps, headers: hsts },
      { source: "/proxy/:path*", has: overHttps, headers: hsts },
      { source: "/pyodide/:path*", has: overHttps, headers: hsts },
      { source: "/deploy/:path*", has: overHttps, headers: hsts },
    ];
  },
};

export default nextConfig;
