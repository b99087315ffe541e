// The import rules of CONTRIBUTING.md ("Imports"), checked by
// tests/architecture/dependency-rules.test.ts in `npm test`.
const fs = require("node:fs");
const path = require("node:path");

/**
 * lib/ domains from the bottom up: a domain may import the domains of lower
 * tiers, never one of its own tier or above, so no two domains can import each
 * other, directly or round a circle. `errors` and `startup` are lib/errors.ts
 * and lib/startup.ts.
 */
const TIERS = [
  // Pure code that runs in the browser and in Node alike (notebook files, safe HTML), usable by every domain.
  ["notebooks", "render", "schedules", "lfs-pointers"],
  ["config", "errors", "workspace", "background"],
  ["secrets", "db", "http", "git-server"],
  ["audit", "hosts", "notifications"],
  ["auth", "oauth-apps", "vcs", "pyodide", "lfs-objects"],
  ["users"],
  ["connections"],
  ["projects"],
  ["repositories"],
  ["gateway", "git-endpoint", "lfs", "moves", "archives"],
  ["deployments"],
  ["startup"],
];

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const domainPath = (domain) => `^lib/${escape(domain)}(/|\\.ts$)`;

// Tests may put several domains together to set a scene (a user, then a connection).
const TESTS = ["\\.test\\.ts$", "/test-support/"];

const layerRules = TIERS.flatMap((tier, index) =>
  tier
    .map((domain) => ({ domain, above: TIERS.slice(index).flat().filter((other) => other !== domain) }))
    .filter(({ above }) => above.length > 0)
    .map(({ domain, above }) => ({
      name: "lib-domain-imports-upward",
      comment: `lib/${domain} may import only ${TIERS.slice(0, index).flat().join(", ") || "no other domain"} (tiers in .dependency-cruiser.cjs).`,
      severity: "error",
      from: { path: domainPath(domain), pathNot: TESTS },
      to: { path: above.map(domainPath) },
    })),
);

/** Every folder under app/: each is a route (or a route group, or a private `_folder`). */
function folders(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      const child = path.posix.join(dir, entry.name);
      return [child, ...folders(child)];
    });
}

const here = __dirname;
const appFolders = ["app", ...folders(path.join(here, "app")).map((folder) => path.relative(here, folder).split(path.sep).join("/"))];

/**
 * A screen file may import files of its own folder, any private folder
 * (`_name/`, shared by the routes around it) and app/components; never another
 * route's folder, a parent's or a child's.
 */
const routeRules = appFolders.map((folder) => ({
    name: "route-imports-another-route",
    comment: `${folder}/ imports another route's folder: move screen code used by more than one route into a private folder (app/(app)/_name/) or app/components.`,
    severity: "error",
    from: { path: `^${escape(folder)}/[^/]+$` },
    to: { path: "^app/", pathNot: [`^${escape(folder)}/[^/]+$`, "(^|/)_[^/]+/", "^app/components/"] },
  }));

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "Modules import each other in a circle: move what both need into a third module.",
      severity: "error",
      from: { path: "^(app|lib)/" },
      to: { circular: true },
    },
    {
      name: "lib-imports-app",
      comment: "lib/ never imports app/: screens use the domains, not the other way round.",
      severity: "error",
      from: { path: "^lib/" },
      to: { path: "^app/" },
    },
    {
      name: "workspace-imports-server-code",
      comment: "lib/workspace runs in the browser: it imports no other lib/ domain and no Node module.",
      severity: "error",
      from: { path: "^lib/workspace/", pathNot: TESTS },
      // Except lib/notebooks, lib/render and lib/lfs-pointers, which sessions need in the browser: pure
      // code of the lowest tier, so they import no server domain and no Node module (the rule below).
      to: { path: "^(lib/(?!workspace/|notebooks/|notebooks\\.ts$|render/|render\\.ts$|lfs-pointers/)|app/)" },
    },
    {
      name: "pure-imports-node",
      comment: "The pure domains (notebooks, render, schedules, lfs-pointers) run in the browser (the session) as well as in Node: no Node built-in modules (tests and test-support aside).",
      severity: "error",
      from: { path: "^lib/(notebooks|render|schedules|lfs-pointers)/", pathNot: TESTS },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "workspace-imports-node",
      comment: "lib/workspace runs in the browser: no Node built-in modules.",
      severity: "error",
      from: { path: "^lib/workspace/", pathNot: TESTS },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "database-outside-domains",
      comment: "Screens, the API, the gateway and the git endpoint reach the database through domain functions (lib/projects, lib/users, ...), not lib/db; row types may be imported.",
      severity: "error",
      from: { path: "^(app/|lib/gateway/|lib/git-endpoint/|proxy\\.ts$)" },
      to: { path: "^lib/db(/|$)", dependencyTypesNot: ["type-only"] },
    },
    ...layerRules,
    ...routeRules,
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)node_modules/|^\\.next/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default", "types"] },
  },
};
