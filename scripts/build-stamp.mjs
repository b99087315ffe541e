// The fingerprint of everything `next build` reads, so that `npm start` and the
// test runner rebuild only when the sources changed since the last build.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const INPUTS = ["app", "lib", "public", "drizzle", "proxy.ts", "instrumentation.ts", "next.config.mjs", "tsconfig.json", "tsconfig.build.json", "postcss.config.mjs", "package.json", "package-lock.json"];
const SKIP = /(^|\/)(node_modules|\.next)(\/|$)|\.test\.tsx?$/;

function walk(entry, files) {
  if (!fs.existsSync(entry) || SKIP.test(entry)) return;
  const stat = fs.statSync(entry);
  if (stat.isDirectory()) {
    for (const name of fs.readdirSync(entry).sort()) walk(path.join(entry, name), files);
  } else {
    files.push(entry);
  }
}

export function sourceFingerprint(root = process.cwd()) {
  const files = [];
  for (const input of INPUTS) walk(path.join(root, input), files);
  const hash = createHash("sha256");
  for (const file of files) {
    hash.update(path.relative(root, file));
    hash.update(fs.readFileSync(file));
  }
  return hash.digest("hex");
}

const stampFile = (root) => path.join(root, ".next", "benchtop-source.sha256");

export function buildIsCurrent(root = process.cwd()) {
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) return false;
  try {
    return fs.readFileSync(stampFile(root), "utf8").trim() === sourceFingerprint(root);
  } catch {
    return false;
  }
}

/** Records what a build was made from: the fingerprint taken before it started, so that sources edited during the build count as not built. */
export function writeBuildStamp(fingerprint, root = process.cwd()) {
  fs.writeFileSync(stampFile(root), fingerprint + "\n");
}
