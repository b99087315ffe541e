import { getVcsBackendRow, insertVcsBackendRow, readSetting, writeSetting, type VcsBackendRow } from "../db";
import { newId } from "../db/ids";
import { openSecret, sealSecret } from "../secrets";
import type { ExternalBackend, ExternalSettings } from "./backend-schema";
import { readConfigFileBackend } from "./config-file";

// settings keys: the backend applied on the page, and the last good one from the file.
const APPLIED_KEY = "vcs.applied";
const FILE_KEY = "vcs.file";

type Applied = { backendId: string | null };
type FileState = { backendId: string | null; problem: string | null };

/** Where new projects' repositories go now, and where that choice comes from. */
export type ActiveBackend = {
  /** null: Benchtop's own git server. */
  row: VcsBackendRow | null;
  source: "settings" | "file";
  /** The settings file, when it decides. */
  file?: string;
  /** What is wrong with the file, while its last good settings stay in force. */
  problem?: string;
};

export const tokenContext = (id: string) => `vcs-backend:${id}:token`;

/** An external backend row's settings, as the API names them, without its token. */
export function settingsOfRow(row: VcsBackendRow): ExternalSettings {
  const { name, url, credentialHostname, repositoryTemplate: repository, organization, username, onDelete } = row;
  // Rows are written only from validated input, so their type is one an admin can choose.
  return { type: row.type as ExternalSettings["type"], name, url, credentialHostname, repository, organization, username, onDelete };
}

/** An external backend row with its service account's token opened. */
export function openBackendRow(row: VcsBackendRow): ExternalBackend {
  return { ...settingsOfRow(row), authToken: openSecret({ sealed: row.sealedToken, context: tokenContext(row.id) }) };
}

/** Stores an external backend as a new row (rows are never edited: projects keep theirs). */
export function insertBackend(backend: ExternalBackend): VcsBackendRow {
  const id = newId();
  return insertVcsBackendRow({
    id,
    type: backend.type,
    name: backend.name,
    url: backend.url,
    credentialHostname: backend.credentialHostname,
    repositoryTemplate: backend.repository,
    organization: backend.organization,
    username: backend.username,
    onDelete: backend.onDelete,
    sealedToken: sealSecret({ plaintext: backend.authToken, context: tokenContext(id) }),
  });
}

const sameBackend = (row: VcsBackendRow, backend: ExternalBackend) => JSON.stringify(openBackendRow(row)) === JSON.stringify({ ...openBackendRow(row), ...backend });

export function getAppliedBackendRow(): VcsBackendRow | null {
  const applied = readSetting({ key: APPLIED_KEY }) as Applied | undefined;
  return applied?.backendId ? (getVcsBackendRow({ id: applied.backendId }) ?? null) : null;
}

export function setAppliedBackend({ backendId }: Applied): void {
  writeSetting({ key: APPLIED_KEY, value: { backendId } satisfies Applied });
}

/**
 * The backend in force: the settings file's when it has a `vcs:` section (its
 * last good version while it is broken, said in `problem` and logged once per
 * new problem), else the one applied on the Version control page, else the
 * internal git server. Read on every use, so a change applies without a restart.
 */
export function getActiveBackend(): ActiveBackend {
  const fromFile = readConfigFileBackend();
  if (fromFile.kind === "none") return { row: getAppliedBackendRow(), source: "settings" };

  const state = readSetting({ key: FILE_KEY }) as FileState | undefined;
  if (fromFile.kind === "invalid") {
    if (state?.problem !== fromFile.problem) {
      console.error(`[benchtop] ${fromFile.file}: ${fromFile.problem} Benchtop keeps the last good version-control settings.`);
      writeSetting({ key: FILE_KEY, value: { backendId: state?.backendId ?? null, problem: fromFile.problem } satisfies FileState });
    }
    // Never a good file yet: what the page applied stays in force.
    const row = state ? (state.backendId ? (getVcsBackendRow({ id: state.backendId }) ?? null) : null) : getAppliedBackendRow();
    return { row, source: "file", file: fromFile.file, problem: fromFile.problem };
  }

  const { backend } = fromFile;
  const known = state?.backendId ? getVcsBackendRow({ id: state.backendId }) : undefined;
  let row: VcsBackendRow | null = null;
  if (backend.type !== "internal") row = known && sameBackend(known, backend) ? known : insertBackend(backend);
  if (!state || state.backendId !== (row?.id ?? null) || state.problem) {
    if (state?.problem) console.info(`[benchtop] ${fromFile.file}: the version-control settings are valid again.`);
    writeSetting({ key: FILE_KEY, value: { backendId: row?.id ?? null, problem: null } satisfies FileState });
  }
  return { row, source: "file", file: fromFile.file };
}
