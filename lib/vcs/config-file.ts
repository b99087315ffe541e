import fs from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { getConfigFile } from "../config/env";
import { type Backend, backendInputSchema } from "./backend-schema";

/**
 * What the settings file says about the version-control backend: nothing (no file,
 * or no `vcs:` in it), a valid backend, or what is wrong with it, in words for the
 * admin page and the log. The file never stops Benchtop: a broken one is reported
 * and the last good settings stay in force.
 */
export type ConfigFileBackend = { kind: "none" } | { kind: "backend"; file: string; backend: Backend } | { kind: "invalid"; file: string; problem: string };

// `authToken: ${NAME}` takes the token from the environment, so the file can live in version control.
const ENV_REFERENCE = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$/;

function resolveToken(raw: Record<string, unknown>, file: string): { token?: string; problem?: string } {
  if (typeof raw.authTokenFile === "string" && raw.authTokenFile.trim()) {
    const tokenFile = path.resolve(path.dirname(file), raw.authTokenFile.trim());
    try {
      return { token: fs.readFileSync(/*turbopackIgnore: true*/ tokenFile, "utf8").trim() };
    } catch {
      return { problem: `vcs.authTokenFile: ${tokenFile} cannot be read. Check the path and that Benchtop's user may read it.` };
    }
  }
  if (typeof raw.authToken !== "string") return {};
  const reference = ENV_REFERENCE.exec(raw.authToken.trim());
  if (!reference) return { token: raw.authToken };
  const value = process.env[reference[1]!];
  return value ? { token: value } : { problem: `vcs.authToken refers to the environment variable ${reference[1]}, which is not set.` };
}

/** Reads and checks the `vcs:` section of the settings file (BENCHTOP_CONFIG or DATA_DIR/benchtop.yaml). */
export function readConfigFileBackend({ file = getConfigFile() }: { file?: string } = {}): ConfigFileBackend {
  let text: string;
  try {
    text = fs.readFileSync(/*turbopackIgnore: true*/ file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { kind: "none" };
    return { kind: "invalid", file, problem: `The file cannot be read (${(error as NodeJS.ErrnoException).code ?? "unknown error"}).` };
  }
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch (error) {
    const where = (error as { linePos?: { line: number; col: number }[] }).linePos?.[0];
    return { kind: "invalid", file, problem: `The file is not valid YAML${where ? ` (line ${where.line}, column ${where.col})` : ""}.` };
  }
  const vcs = document && typeof document === "object" ? (document as Record<string, unknown>).vcs : undefined;
  if (vcs === undefined || vcs === null) return { kind: "none" };
  if (typeof vcs !== "object" || Array.isArray(vcs)) return { kind: "invalid", file, problem: "`vcs:` must hold the backend's settings as keys (type, name, url, ...)." };
  const raw = vcs as Record<string, unknown>;
  const { token, problem } = resolveToken(raw, file);
  if (problem) return { kind: "invalid", file, problem };
  const settings: Record<string, unknown> = { ...raw, authToken: token };
  delete settings.authTokenFile;
  const parsed = backendInputSchema.safeParse(settings);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `vcs.${issue.path.join(".") || "type"}: ${issue.message}`);
    return { kind: "invalid", file, problem: issues.join(" ") };
  }
  if (parsed.data.type === "internal") return { kind: "backend", file, backend: { type: "internal" } };
  if (!parsed.data.authToken) return { kind: "invalid", file, problem: "vcs.authToken: give the administrator account's token (or authTokenFile: a file that holds it, or ${VARIABLE} to read it from the environment)." };
  return { kind: "backend", file, backend: { ...parsed.data, authToken: parsed.data.authToken } };
}
