// Builds the app with `next build` unless the current build already matches the sources.
import { spawnSync } from "node:child_process";
import { buildIsCurrent, sourceFingerprint, writeBuildStamp } from "./build-stamp.mjs";

export function ensureBuild({ force = false } = {}) {
  if (!force && buildIsCurrent()) {
    console.log("Benchtop: the build is up to date.");
    return;
  }
  console.log("Benchtop: building (next build)...");
  const fingerprint = sourceFingerprint();
  const result = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) {
    console.error("Benchtop: the build failed; see the messages above.");
    process.exit(result.status ?? 1);
  }
  writeBuildStamp(fingerprint);
}

if (import.meta.url === `file://${process.argv[1]}`) ensureBuild({ force: process.argv.includes("--force") });
