import { recordEvent } from "../audit";
import { getEnv } from "../config/env";
import { readSetting, writeSetting, type User } from "../db";
import { AppError } from "../errors";
import { parsePackagesUrl, withTrailingSlash, type NotebookSettingsInput } from "./packages-url";

const PACKAGES_URL_KEY = "notebooks.pyodidePackagesUrl";

/** Where notebooks' kernels load packages from, and what decides it. */
export type NotebookSettings = { pyodidePackagesUrl: string | null; source: "environment" | "setting" | "none" };

/** The stored setting, or null when never set, cleared (""), or not a URL Benchtop would store. */
function readStoredUrl(): string | null {
  const stored = readSetting({ key: PACKAGES_URL_KEY });
  if (typeof stored !== "string") return null;
  const parsed = parsePackagesUrl(stored);
  return "url" in parsed ? parsed.url : null;
}

/**
 * The Pyodide package repository in force: BENCHTOP_PYODIDE_PACKAGES_URL when
 * set (the operator's word wins), else the administrator's setting, else none.
 * Read on every call, so a change applies to the next session page at once.
 */
export function getNotebookSettings(): NotebookSettings {
  const fromEnvironment = getEnv().BENCHTOP_PYODIDE_PACKAGES_URL;
  if (fromEnvironment) return { pyodidePackagesUrl: withTrailingSlash(fromEnvironment), source: "environment" };
  const stored = readStoredUrl();
  return stored ? { pyodidePackagesUrl: stored, source: "setting" } : { pyodidePackagesUrl: null, source: "none" };
}

/**
 * Stores the administrator's package repository (null clears it), audited as
 * admin.notebooks_updated. Refused with 409 while the environment decides.
 */
export function updateNotebookSettings({ input, actor }: { input: NotebookSettingsInput; actor: Pick<User, "id" | "email"> }): NotebookSettings {
  if (getNotebookSettings().source === "environment") {
    throw new AppError(
      "conflict",
      "The Pyodide package repository is set by BENCHTOP_PYODIDE_PACKAGES_URL in Benchtop's environment, which takes precedence. Change or remove the variable there and restart Benchtop.",
    );
  }
  const previous = readStoredUrl();
  // "" for none: the settings table holds a value for every key it has.
  writeSetting({ key: PACKAGES_URL_KEY, value: input.pyodidePackagesUrl ?? "" });
  recordEvent({ action: "admin.notebooks_updated", actor, detail: { pyodidePackagesUrl: input.pyodidePackagesUrl, previous } });
  return getNotebookSettings();
}
