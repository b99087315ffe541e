// Pyodide for notebooks' browser kernels: its files served by Benchtop (so kernels
// work on an isolated network) and the settings a session page gives the kernel.
export { getPyodideVersion, openPyodideAsset, type PyodideAsset } from "./assets";
export { getKernelSettings } from "./kernel-settings";
