import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { AppError } from "../errors";

/**
 * The files of the `pyodide` npm package a kernel loads, and nothing else of
 * node_modules: the module, the interpreter (JavaScript and WebAssembly), the
 * standard library and the lock file naming the packages a repository can add.
 */
const CONTENT_TYPES: Record<string, string> = {
  "pyodide.mjs": "text/javascript; charset=utf-8",
  "pyodide.asm.mjs": "text/javascript; charset=utf-8",
  "pyodide.asm.wasm": "application/wasm",
  "python_stdlib.zip": "application/zip",
  "pyodide-lock.json": "application/json; charset=utf-8",
};

const packageDir = () => path.join(process.cwd(), "node_modules", "pyodide");

/** The installed Pyodide's version; its files are served under /pyodide/{version}/. */
export function getPyodideVersion(): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(packageDir(), "package.json"), "utf8")) as { version: string };
  return manifest.version;
}

export type PyodideAsset = { body: ReadableStream<Uint8Array>; size: number; contentType: string };

/**
 * One of Pyodide's files, streamed from the package. The version in the path
 * must be the installed one, so a cached file never outlives an upgrade.
 * Throws `not_found` for anything else.
 */
export function openPyodideAsset({ version, file }: { version: string; file: string }): PyodideAsset {
  const contentType = Object.hasOwn(CONTENT_TYPES, file) ? CONTENT_TYPES[file] : undefined;
  if (!contentType || version !== getPyodideVersion()) {
    throw new AppError("not_found", `Benchtop serves Pyodide ${getPyodideVersion()}'s own files only; reload the page to get the current one.`);
  }
  const filePath = path.join(packageDir(), file);
  const { size } = fs.statSync(filePath);
  return { body: Readable.toWeb(fs.createReadStream(filePath)) as ReadableStream<Uint8Array>, size, contentType };
}
