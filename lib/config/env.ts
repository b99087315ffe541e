import path from "node:path";
import { z } from "zod";

const optionalUrl = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))
  .pipe(z.url({ protocol: /^https?$/ }).optional());

const envSchema = z.object({
  DATA_DIR: z.string().trim().min(1).default("./data"),
  BENCHTOP_URL: optionalUrl,
  AUTH_URL: optionalUrl,
  BENCHTOP_ADMIN_EMAIL: z.string().trim().optional(),
  BENCHTOP_ADMIN_PASSWORD: z.string().optional(),
  BENCHTOP_SECRET_KEY: z.string().trim().optional(),
  AUTH_SECRET: z.string().trim().optional(),
  BENCHTOP_GIT_BIN: z.string().trim().min(1).default("git"),
  // Reverse proxies whose X-Forwarded-* headers are believed (server.mjs strips them from anyone else).
  BENCHTOP_TRUSTED_PROXIES: z.string().trim().optional(),
  // Settings kept in a file (version control backend under `vcs:`); default DATA_DIR/benchtop.yaml.
  BENCHTOP_CONFIG: z.string().trim().optional(),
  // A Pyodide package repository (Pyodide's own package files, or a mirror) for notebooks' browser kernels; wins over Admin → Notebooks.
  BENCHTOP_PYODIDE_PACKAGES_URL: optionalUrl,
  // An origin of their own for deployed pages (another host name pointing at this server), so their scripts never share Benchtop's.
  BENCHTOP_DEPLOY_ORIGIN: optionalUrl,
});

export type Env = z.infer<typeof envSchema>;

/**
 * The environment, validated. Read on each call (it is cheap) so that nothing
 * about the environment is frozen into module state.
 */
export function getEnv(): Env {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Benchtop's environment is not valid: ${problems}`);
  }
  return parsed.data;
}

/** Absolute path of the data folder (SQLite file, repositories, generated secrets). */
export function getDataDir(): string {
  return path.resolve(getEnv().DATA_DIR);
}

/** The settings file: BENCHTOP_CONFIG, else DATA_DIR/benchtop.yaml (which need not exist). */
export function getConfigFile(): string {
  const configured = getEnv().BENCHTOP_CONFIG;
  return configured ? path.resolve(configured) : path.join(getDataDir(), "benchtop.yaml");
}

/** Where the bare repositories of the internal git server live. */
export function getReposDir(): string {
  return path.join(getDataDir(), "repos");
}
