// Pyodide for notebooks' browser kernels: its files served by Benchtop (so kernels
// work on an isolated network), the package repository an administrator points
// them at, and the settings a session page gives the kernel.
export { getPyodideVersion, openPyodideAsset, type PyodideAsset } from "./assets";
export { getKernelSettings } from "./kernel-settings";
export { getNotebookSettings, updateNotebookSettings, type NotebookSettings } from "./notebook-settings";
export { notebookSettingsInputSchema, parsePackagesUrl, type NotebookSettingsInput } from "./packages-url";
