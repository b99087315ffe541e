// The two app servers of a run (see playwright.config.ts) and the administrator
// the second one creates at start.

/** A fresh instance with no account, for the first-run page. */
export const FIRST_RUN_URL = "http://localhost:3410";

/** An instance whose first administrator comes from the environment. */
export const APP_URL = "http://localhost:3411";

export const ADMIN = { email: "admin@e2e.test", password: "e2e-admin-password" } as const;
