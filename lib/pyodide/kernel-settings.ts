import type { KernelSettings } from "../workspace/kernel";
import { getPyodideVersion } from "./assets";
import { getNotebookSettings } from "./notebook-settings";

/** Read per request: Pyodide from Benchtop itself, packages from the repository in force (none by default). */
export function getKernelSettings(): KernelSettings {
  const { pyodidePackagesUrl } = getNotebookSettings();
  return {
    indexURL: `/pyodide/${getPyodideVersion()}/`,
    ...(pyodidePackagesUrl ? { packagesUrl: pyodidePackagesUrl } : {}),
  };
}
