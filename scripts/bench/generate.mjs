// Generates the benchmark repositories with `git fast-import` (one process, objects
// streamed in, no working tree), which makes tens of MB and thousands of files in
// seconds. Content is seeded pseudo-random, so every run measures the same repository.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { BenchError, formatBytes, log, nowMs, run } from "./util.mjs";

/** The two repositories the brief asks for: file count, total size of the final tree, commits. */
export const REPO_SPECS = [
  { name: "medium", files: 2_000, bytes: 20_000_000, commits: 40, seed: 11 },
  { name: "large", files: 10_000, bytes: 60_000_000, commits: 40, seed: 23 },
];

// What a data-science project holds: share of the files and share of the bytes per kind.
const KINDS = [
  { kind: "py", files: 0.63, bytes: 0.44 },
  { kind: "test", files: 0.1, bytes: 0.07 },
  { kind: "csv", files: 0.08, bytes: 0.22 },
  { kind: "ipynb", files: 0.04, bytes: 0.08 },
  { kind: "md", files: 0.08, bytes: 0.05 },
  { kind: "yaml", files: 0.065, bytes: 0.02 },
  { kind: "binary", files: 0.005, bytes: 0.12 },
];

const WORDS = (
  "data model train test value result loader batch feature score metric index frame table column row sample split " +
  "config path cache client request response token session user project record event window weight layer input " +
  "output buffer stream parse format encode decode merge filter group count total mean error label target"
).split(" ");
const SUBPACKAGES = ["", "core", "io", "utils", "models", "models/layers", "pipelines", "api/v1"];
const TOPICS = ["exploration", "cleaning", "modelling", "reports", "experiments/2024", "experiments/2025"];

/** mulberry32: a tiny, fast, seedable generator (Math.random cannot be seeded). */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  const pick = (list) => list[int(list.length)];
  const word = () => pick(WORDS);
  const ident = () => `${word()}_${word()}${int(100)}`;
  return { next, int, pick, word, ident };
}

// Content makers: each returns text of at least `size` bytes, ending on a whole line.
function pythonSource(r, size, testFile) {
  const parts = [`"""${r.word()} ${r.word()} helpers (generated for benchmarks)."""\n`, "import json\nimport math\nfrom pathlib import Path\n\n"];
  let length = parts[0].length + parts[1].length;
  while (length < size) {
    const name = r.ident();
    const block = testFile
      ? `def test_${name}():\n    value = ${r.int(1000)} * ${r.int(50)}\n    assert value >= 0, "${r.word()} ${r.word()}"\n    assert math.isfinite(value / ${1 + r.int(9)})\n\n\n`
      : r.next() < 0.25
        ? `class ${r.word()[0].toUpperCase()}${r.word()}${r.int(1000)}:\n    """Keeps the ${r.word()} ${r.word()}."""\n\n    def __init__(self, ${r.word()}=None):\n        self.${r.word()} = ${r.word()}\n        self.${r.ident()} = []\n\n    def ${name}(self, ${r.word()}):\n        return [x for x in self.${r.word()} if x != ${r.int(100)}]\n\n\n`
        : `def ${name}(${r.word()}, ${r.word()}=${r.int(100)}):\n    """Return the ${r.word()} of the ${r.word()}."""\n    total = 0\n    for item in range(${r.int(500)}):\n        total += item * ${r.int(20)} % ${1 + r.int(13)}\n    return {"${r.word()}": total, "${r.word()}": Path("${r.word()}/${r.word()}.json")}\n\n\n`;
    parts.push(block);
    length += block.length;
  }
  return parts.join("");
}

function csvTable(r, size) {
  const rows = ["id,date,region,amount,quantity,score,label\n"];
  let length = rows[0].length;
  for (let id = 1; length < size; id++) {
    const row = `${id},2024-${String(1 + r.int(12)).padStart(2, "0")}-${String(1 + r.int(28)).padStart(2, "0")},${r.word()},${(r.next() * 10000).toFixed(2)},${r.int(500)},${r.next().toFixed(6)},${r.word()}\n`;
    rows.push(row);
    length += row.length;
  }
  return rows.join("");
}

function notebook(r, size) {
  const cells = [];
  let length = 200;
  while (length < size) {
    const code = r.next() < 0.7;
    const source = code
      ? [`df = pd.read_csv("data/${r.word()}_${r.int(40)}.csv")\n`, `df.groupby("${r.word()}")["${r.word()}"].mean().plot()\n`, `print(len(df), df.${r.word()}.max())`]
      : [`## ${r.word()} ${r.word()}\n`, `We look at the ${r.word()} of each ${r.word()} and compare it with the ${r.word()}.`];
    const outputs = code ? [{ output_type: "stream", name: "stdout", text: [`${r.int(100000)} ${r.next().toFixed(4)}\n`] }] : undefined;
    const cell = code ? { cell_type: "code", execution_count: cells.length + 1, metadata: {}, outputs, source } : { cell_type: "markdown", metadata: {}, source };
    cells.push(cell);
    length += JSON.stringify(cell).length + 6;
  }
  return JSON.stringify({ cells, metadata: { kernelspec: { name: "python3", display_name: "Python 3" } }, nbformat: 4, nbformat_minor: 5 }, null, 1) + "\n";
}

function markdown(r, size) {
  const parts = [`# ${r.word()} ${r.word()}\n\n`];
  let length = parts[0].length;
  while (length < size) {
    const words = Array.from({ length: 40 + r.int(60) }, () => r.word()).join(" ");
    const block = r.next() < 0.2 ? `## ${r.word()} ${r.word()}\n\n` : `${words}.\n\n`;
    parts.push(block);
    length += block.length;
  }
  return parts.join("");
}

function yaml(r, size) {
  const parts = [`name: ${r.ident()}\nversion: ${r.int(10)}.${r.int(30)}\n`];
  let length = parts[0].length;
  while (length < size) {
    const block = `${r.ident()}:\n  ${r.word()}: ${r.int(1000)}\n  ${r.word()}: "${r.word()}/${r.word()}"\n  enabled: ${r.next() < 0.5}\n`;
    parts.push(block);
    length += block.length;
  }
  return parts.join("");
}

/** Incompressible bytes, like model weights or images (a PNG signature on .png). */
function binary(r, size, png) {
  const words = new Uint32Array(Math.ceil(size / 4));
  for (let i = 0; i < words.length; i++) words[i] = (r.next() * 4294967296) >>> 0;
  const bytes = Buffer.from(words.buffer, 0, size);
  if (png) Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes);
  return bytes;
}

/** Paths and sizes for every file, in a shuffled order (so each commit touches all kinds). */
function planFiles(spec, r) {
  const files = [];
  for (const { kind, files: fileShare, bytes: byteShare } of KINDS) {
    const count = Math.max(kind === "binary" ? 6 : 3, Math.round(spec.files * fileShare));
    const average = (spec.bytes * byteShare) / count;
    for (let i = 0; i < count; i++) {
      const size = Math.max(200, Math.round(average * (0.3 + 1.4 * r.next())));
      files.push({ kind, size, path: pathFor(kind, i, r) });
    }
  }
  for (let i = files.length - 1; i > 0; i--) {
    const j = r.int(i + 1);
    [files[i], files[j]] = [files[j], files[i]];
  }
  return files;
}

function pathFor(kind, i, r) {
  const pkg = `pkg${Math.floor(i / 40)}`;
  switch (kind) {
    case "py": {
      const sub = r.pick(SUBPACKAGES);
      return `src/${pkg}/${sub ? sub + "/" : ""}module${i}.py`;
    }
    case "test":
      return `tests/${pkg}/test_module${i}.py`;
    case "csv":
      return `data/${r.pick(["raw", "processed", "external"])}/${r.word()}_${i}.csv`;
    case "ipynb":
      return `notebooks/${r.pick(TOPICS)}/analysis_${i}.ipynb`;
    case "md":
      return `docs/${r.pick(["guide", "reference", "notes", "adr"])}/page_${i}.md`;
    case "yaml":
      return `configs/${r.pick(["train", "serve", "etl"])}/${r.word()}_${i}.yaml`;
    default:
      return i % 2 ? `models/checkpoint_${i}.bin` : `assets/figures/figure_${i}.png`;
  }
}

function contentFor(file, r) {
  switch (file.kind) {
    case "py":
      return Buffer.from(pythonSource(r, file.size, false));
    case "test":
      return Buffer.from(pythonSource(r, file.size, true));
    case "csv":
      return Buffer.from(csvTable(r, file.size));
    case "ipynb":
      return Buffer.from(notebook(r, file.size));
    case "md":
      return Buffer.from(markdown(r, file.size));
    case "yaml":
      return Buffer.from(yaml(r, file.size));
    default:
      return binary(r, file.size, file.path.endsWith(".png"));
  }
}

/** An edit the way people make them: a block inserted at a line boundary. */
function editText(content, r) {
  const text = content.toString("utf8");
  let at = Math.floor(r.next() * text.length);
  at = text.indexOf("\n", at) + 1 || text.length;
  const block = `\n# ${r.word()} ${r.word()}: revised ${r.ident()}\n${r.ident()} = ${r.int(1000)}\n`;
  return Buffer.from(text.slice(0, at) + block + text.slice(at));
}

/** Writes to a stream, waiting when it asks for it (fast-import reads slower than we write). */
async function write(stream, chunk) {
  if (!stream.write(chunk)) await new Promise((resolve) => stream.once("drain", resolve));
}

/**
 * Creates a bare repository at `dir` with `spec.commits` commits on main: the first
 * adds 60% of the files, each later one adds its share of the rest, edits ~1% of the
 * text files and now and then deletes one. Returns what was built.
 */
export async function generateRepository(spec, dir) {
  const started = nowMs();
  const r = prng(spec.seed);
  await run("git", ["init", "--quiet", "--bare", "--initial-branch=main", dir]);
  const plan = planFiles(spec, r);
  const child = spawn("git", ["fast-import", "--quiet", "--done"], { cwd: dir, stdio: ["pipe", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const exited = new Promise((resolve) => child.on("close", resolve));
  child.stdin.on("error", () => {}); // reported through the exit code below

  const tree = new Map(); // path -> { kind, content }
  let mark = 0;
  const initialCount = Math.round(plan.length * 0.6);
  const perCommit = Math.ceil((plan.length - initialCount) / Math.max(1, spec.commits - 1));
  let next = 0;
  for (let c = 0; c < spec.commits; c++) {
    const changes = []; // { path, mark } or { path, deleted: true }
    const adding = plan.slice(next, c === 0 ? initialCount : next + perCommit);
    next += adding.length;
    for (const file of adding) {
      const content = contentFor(file, r);
      tree.set(file.path, { kind: file.kind, content });
      changes.push({ path: file.path, content });
    }
    if (c > 0) {
      const textPaths = [...tree.keys()].filter((p) => tree.get(p).kind !== "binary");
      const edits = Math.max(3, Math.round(textPaths.length * 0.01));
      for (let e = 0; e < edits; e++) {
        const p = r.pick(textPaths);
        const entry = tree.get(p);
        entry.content = editText(entry.content, r);
        changes.push({ path: p, content: entry.content });
      }
      if (c % 5 === 0) {
        const p = r.pick(textPaths);
        tree.delete(p);
        changes.push({ path: p, deleted: true });
      }
    }
    for (const change of changes) {
      if (change.deleted) continue;
      change.mark = ++mark;
      await write(child.stdin, `blob\nmark :${change.mark}\ndata ${change.content.length}\n`);
      await write(child.stdin, change.content);
      await write(child.stdin, "\n");
    }
    const when = 1_700_000_000 + c * 86_400;
    const author = ["Ada Lovelace <ada@example.test>", "Grace Hopper <grace@example.test>", "Alan Turing <alan@example.test>"][c % 3];
    const message = c === 0 ? "Initial import\n" : `Update ${changes.length} files (${r.word()} ${r.word()})\n`;
    const lines = [`commit refs/heads/main`, `author ${author} ${when} +0000`, `committer ${author} ${when} +0000`, `data ${Buffer.byteLength(message)}`, message];
    for (const change of changes) {
      // Later lines win in fast-import, so an edit after a delete (or twice) is fine.
      lines.push(change.deleted ? `D ${change.path}` : `M 100644 :${change.mark} ${change.path}`);
    }
    await write(child.stdin, lines.join("\n") + "\n\n");
  }
  await write(child.stdin, "done\n");
  child.stdin.end();
  const code = await exited;
  if (code !== 0) throw new BenchError(`git fast-import failed for the ${spec.name} repository (exit ${code}):\n${stderr.slice(-2000)}`);

  const bytes = [...tree.values()].reduce((sum, entry) => sum + entry.content.length, 0);
  const packBytes = fs
    .readdirSync(path.join(dir, "objects", "pack"))
    .filter((name) => name.endsWith(".pack"))
    .reduce((sum, name) => sum + fs.statSync(path.join(dir, "objects", "pack", name)).size, 0);
  // Files the benchmark edits: Python modules, sorted, so native and browser edit the same ones.
  const editTargets = [...tree.keys()].filter((p) => p.startsWith("src/") && p.endsWith(".py")).sort();
  const result = { name: spec.name, dir, files: tree.size, bytes, commits: spec.commits, packBytes, editTargets: editTargets.slice(0, 60), generateMs: nowMs() - started };
  log(`generated ${spec.name}: ${result.files} files, ${formatBytes(bytes)}, ${spec.commits} commits, pack ${formatBytes(packBytes)} in ${(result.generateMs / 1000).toFixed(1)} s`);
  return result;
}
