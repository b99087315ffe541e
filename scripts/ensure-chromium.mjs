// Playwright drives Debian's Chromium (it cannot download its own browser here).
// Finds it, installs it with apt-get when running as root, or says what to install.
import fs from "node:fs";
import { installDebianPackages } from "./install-debian-packages.mjs";

export const CHROMIUM = process.env.BENCHTOP_CHROMIUM || "/usr/bin/chromium";

export function ensureChromium() {
  if (fs.existsSync(CHROMIUM)) return;
  installDebianPackages({ packages: ["chromium"], purpose: "Chromium for the browser tests" });
  if (fs.existsSync(CHROMIUM)) return;
  console.error(
    `Benchtop: the browser tests need Chromium at ${CHROMIUM}. Install the Debian package "chromium" ` +
      `(sudo apt-get install chromium), or set BENCHTOP_CHROMIUM to another Chromium binary.`,
  );
  process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) ensureChromium();
