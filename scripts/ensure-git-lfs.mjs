// The integration tests drive Benchtop's Git LFS API with the real client, Debian's git-lfs.
// Finds it, installs it with apt-get when running as root, or says what to install.
import { spawnSync } from "node:child_process";
import { installDebianPackages } from "./install-debian-packages.mjs";

const present = () => spawnSync("git", ["lfs", "version"], { stdio: "ignore" }).status === 0;

export function ensureGitLfs() {
  if (present()) return;
  installDebianPackages({ packages: ["git-lfs"], purpose: "Git LFS for the integration tests" });
  if (present()) return;
  console.error('Benchtop: the integration tests need the git lfs command. Install the Debian package "git-lfs" (sudo apt-get install git-lfs).');
  process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) ensureGitLfs();
