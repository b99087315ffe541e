// With a Pyodide package repository configured, a cell's imports are loaded from it
// before the cell runs. The repository here is a folder with one pure-Python wheel
// and a lock file listing it (as an administrator's repository lists Pyodide's).
import { createHash } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { loadPyodide } from "pyodide";
import { afterAll, expect, it } from "vitest";
import { ZipFile } from "yazl";
import { startInterpreter } from "./interpreter";

const pyodideDir = path.dirname(createRequire(import.meta.url).resolve("pyodide/package.json"));
const repository = fs.mkdtempSync(path.join(os.tmpdir(), "benchtop-pyodide-repo-"));
afterAll(() => fs.rmSync(repository, { recursive: true, force: true }));

async function writeWheel(file: string): Promise<Buffer> {
  const zip = new ZipFile();
  const add = (name: string, text: string) => zip.addBuffer(Buffer.from(text), name);
  add("benchtop_fixture/__init__.py", "ANSWER = 42\n");
  add("benchtop_fixture-1.0.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: benchtop-fixture\nVersion: 1.0.0\n");
  add("benchtop_fixture-1.0.0.dist-info/WHEEL", "Wheel-Version: 1.0\nGenerator: benchtop-test\nRoot-Is-Purelib: true\nTag: py3-none-any\n");
  add("benchtop_fixture-1.0.0.dist-info/RECORD", "");
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  const bytes = Buffer.concat(chunks);
  fs.writeFileSync(file, bytes);
  return bytes;
}

it("loads a package a cell imports from the configured repository", async () => {
  const wheel = "benchtop_fixture-1.0.0-py3-none-any.whl";
  const bytes = await writeWheel(path.join(repository, wheel));
  const pyodideLock = JSON.parse(fs.readFileSync(path.join(pyodideDir, "pyodide-lock.json"), "utf8")) as { info: unknown };
  const lock = {
    info: pyodideLock.info,
    packages: {
      "benchtop-fixture": {
        name: "benchtop-fixture",
        version: "1.0.0",
        file_name: wheel,
        install_dir: "site",
        sha256: createHash("sha256").update(bytes).digest("hex"),
        package_type: "package",
        imports: ["benchtop_fixture"],
        depends: [],
        unvendored_tests: false,
      },
    },
  };
  fs.writeFileSync(path.join(repository, "pyodide-lock.json"), JSON.stringify(lock));

  const kernel = await startInterpreter({
    loadPyodide,
    indexURL: `${pyodideDir}/`,
    packagesUrl: `${repository}/`,
    lockFileURL: path.join(repository, "pyodide-lock.json"),
  });
  const result = await kernel.run("import benchtop_fixture\nbenchtop_fixture.ANSWER");
  expect(result.outputs).toEqual([{ output_type: "execute_result", execution_count: 1, data: { "text/plain": "42" }, metadata: {} }]);
  // Not in the repository: Python's own error, without the "no repository" explanation.
  const missing = await kernel.run("import numpy");
  expect(missing.outputs[0]).toMatchObject({ output_type: "error", ename: "ModuleNotFoundError", evalue: "No module named 'numpy'" });
}, 120_000);
