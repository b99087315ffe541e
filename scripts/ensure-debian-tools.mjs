// Real parts the tests use from Debian: Jupyter's tools (nbformat validates every
// notebook written, jupyter-nbconvert executes the reference notebooks) and the
// git-lfs client (the LFS tests push and clone with it). Finds them, installs them
// with apt-get when running as root, or says what to install.
import { spawnSync } from "node:child_process";

export const PYTHON = "/usr/bin/python3";
export const NBCONVERT = "/usr/bin/jupyter-nbconvert";

const TOOLS = [
  {
    what: "Debian's Jupyter tools",
    why: "the notebook tests",
    packages: ["python3-nbformat", "jupyter-nbconvert", "python3-ipykernel"],
    present: () => spawnSync(PYTHON, ["-c", "import nbformat, ipykernel"], { stdio: "ignore" }).status === 0 && spawnSync(NBCONVERT, ["--version"], { stdio: "ignore" }).status === 0,
  },
  {
    what: "the git-lfs client",
    why: "the Git LFS tests",
    packages: ["git-lfs"],
    present: () => spawnSync("git", ["lfs", "version"], { stdio: "ignore" }).status === 0,
  },
];

function aptInstall(packages) {
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [["update", "-qq"], ["install", "-y", "-qq", ...packages]]) {
    if (spawnSync("apt-get", args, { stdio: "inherit", env }).status !== 0) return;
  }
}

/** Makes sure every tool above is there, installing what is missing in one apt-get run when root; exits saying what to install otherwise. */
export function ensureDebianTools() {
  const missing = TOOLS.filter((tool) => !tool.present());
  if (!missing.length) return;
  const packages = missing.flatMap((tool) => tool.packages);
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const hasApt = spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
  if (isRoot && hasApt) {
    console.log(`Benchtop: installing ${missing.map((tool) => `${tool.what} for ${tool.why}`).join(" and ")} (apt-get install ${packages.join(" ")})...`);
    aptInstall(packages);
  }
  const still = TOOLS.filter((tool) => !tool.present());
  if (!still.length) return;
  for (const tool of still) console.error(`Benchtop: ${tool.why} need ${tool.what}: install the Debian packages ${tool.packages.join(", ")} (sudo apt-get install ${tool.packages.join(" ")}).`);
  process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) ensureDebianTools();
