import { getEnv } from "../config/env";
import type { KernelSettings } from "../workspace/kernel";
import { getPyodideVersion } from "./assets";

/** Read per request: Pyodide from Benchtop itself, packages from BENCHTOP_PYODIDE_PACKAGES_URL (none by default). */
export function getKernelSettings(): KernelSettings {
  const packagesUrl = getEnv().BENCHTOP_PYODIDE_PACKAGES_URL;
  return {
    indexURL: `/pyodide/${getPyodideVersion()}/`,
    ...(packagesUrl ? { packagesUrl: packagesUrl.endsWith("/") ? packagesUrl : `${packagesUrl}/` } : {}),
  };
}
