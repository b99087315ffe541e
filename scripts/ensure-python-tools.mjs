// The notebook tests check Benchtop's notebooks with Debian's Jupyter tools: nbformat
// validates every notebook written, jupyter-nbconvert executes the reference notebooks.
// Finds them, installs them with apt-get when running as root, or says what to install.
import { spawnSync } from "node:child_process";
import { installDebianPackages } from "./install-debian-packages.mjs";

export const PYTHON = "/usr/bin/python3";
export const NBCONVERT = "/usr/bin/jupyter-nbconvert";
export const PYTHON_PACKAGES = ["python3-nbformat", "jupyter-nbconvert", "python3-ipykernel"];

function present() {
  const nbformat = spawnSync(PYTHON, ["-c", "import nbformat, ipykernel"], { stdio: "ignore" });
  const nbconvert = spawnSync(NBCONVERT, ["--version"], { stdio: "ignore" });
  return nbformat.status === 0 && nbconvert.status === 0;
}

export function ensurePythonTools() {
  if (present()) return;
  installDebianPackages({ packages: PYTHON_PACKAGES, purpose: "Jupyter's tools for the notebook tests" });
  if (present()) return;
  console.error(
    `Benchtop: the notebook tests need Debian's Jupyter tools (${PYTHON} with nbformat and ipykernel, and ${NBCONVERT}). ` +
      `Install the Debian packages ${PYTHON_PACKAGES.join(", ")} (sudo apt-get install ${PYTHON_PACKAGES.join(" ")}).`,
  );
  process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) ensurePythonTools();
