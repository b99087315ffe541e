// Playwright drives Debian's Chromium (it cannot download its own browser here).
// Finds it, installs it with apt-get when running as root, or says what to install.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

export const CHROMIUM = process.env.BENCHTOP_CHROMIUM || "/usr/bin/chromium";

export function ensureChromium() {
  if (fs.existsSync(CHROMIUM)) return;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const hasApt = spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
  if (isRoot && hasApt) {
    console.log("Benchtop: installing Chromium for the browser tests (apt-get install chromium)...");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    for (const args of [["update", "-qq"], ["install", "-y", "-qq", "chromium"]]) {
      const result = spawnSync("apt-get", args, { stdio: "inherit", env });
      if (result.status !== 0) break;
    }
    if (fs.existsSync(CHROMIUM)) return;
  }
  console.error(
    `Benchtop: the browser tests need Chromium at ${CHROMIUM}. Install the Debian package "chromium" ` +
      `(sudo apt-get install chromium), or set BENCHTOP_CHROMIUM to another Chromium binary.`,
  );
  process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) ensureChromium();
