// What the test tools' checks share: installing Debian packages with apt-get, which only root can.
import { spawnSync } from "node:child_process";

/**
 * Installs Debian packages with apt-get when running as root on a system that has it,
 * saying what for. Answers whether it tried; the caller checks again and otherwise
 * says what to install.
 */
export function installDebianPackages({ packages, purpose }) {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const hasApt = spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
  if (!isRoot || !hasApt) return false;
  console.log(`Benchtop: installing ${purpose} (apt-get install ${packages.join(" ")})...`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [["update", "-qq"], ["install", "-y", "-qq", ...packages]]) {
    const result = spawnSync("apt-get", args, { stdio: "inherit", env });
    if (result.status !== 0) break;
  }
  return true;
}
