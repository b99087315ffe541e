// The benchmark's notebook: a data analysis as people leave it in a repository,
// 500 cells and about 5 MB, written in Jupyter's own layout. Markdown sections
// (headings, lists, $...$ and $$...$$ math) each followed by a few code cells
// whose stored outputs are what pandas and matplotlib leave: printed lines,
// values, DataFrames as HTML tables, PNG figures, a warning on stderr and a few
// tracebacks in IPython's ANSI colours. Seeded: every run measures the same file.
import { drawFigure, FIGURE_KINDS } from "./figures.mjs";
import { prng } from "./generate.mjs";

export const NOTEBOOK_SPEC = { cells: 500, seed: 31 };

const COLUMNS = ["region", "store", "units", "revenue", "margin", "returns"];
const REGIONS = ["north", "south", "east", "west", "central"];
/** Code cells (by their place among the code cells) whose output is a traceback. */
const ERROR_AT = new Set([90, 210, 330]);

/** nbformat's multi-line strings: a list of lines, each but the last ending in "\n". */
const lines = (text) => text.split(/(?<=\n)/);

function markdownCell(r, section) {
  const topic = `${r.word()} ${r.word()}`;
  const parts = [`## ${section}. The ${topic}\n`, `\nWe compare the **${r.word()}** of each ${r.word()} with its ${r.word()}, over ${2 + r.int(30)} weeks.`];
  const shape = r.next();
  if (shape < 0.3) parts.push(` The mean is $\\bar{x} = \\frac{1}{n}\\sum_{i=1}^{n} x_i$ and its spread $\\sigma_{${r.word()}}$.`);
  else if (shape < 0.45) parts.push(`\n\n$$\\hat{y} = \\beta_0 + \\beta_1 x_{${r.word()}} + \\varepsilon, \\quad \\varepsilon \\sim \\mathcal{N}(0, \\sigma^2)$$`);
  else if (shape < 0.7) parts.push(`\n\n- ${r.word()} per ${r.word()}\n- ${r.word()} after ${r.word()} (see \`${r.ident()}\`)\n- rows with a missing ${r.word()} are dropped`);
  if (r.next() < 0.3) parts.push(`\n\n### Notes on ${r.word()}\n\nA ${r.word()} above ${r.int(100)} % is ${r.word()}; see the [${r.word()} guide](docs/${r.word()}.md).`);
  return { cell_type: "markdown", metadata: {}, source: parts.join("") };
}

function dataFrame(r) {
  const rows = 5 + r.int(16);
  const values = Array.from({ length: rows }, (_, i) => [i, REGIONS[r.int(5)], `S${100 + r.int(900)}`, r.int(5000), (r.next() * 90000).toFixed(2), r.next().toFixed(3), r.int(40)]);
  const html = [
    "<div>\n<style scoped>\n    .dataframe tbody tr th:only-of-type {\n        vertical-align: middle;\n    }\n\n    .dataframe tbody tr th {\n        vertical-align: top;\n    }\n\n    .dataframe thead th {\n        text-align: right;\n    }\n</style>\n",
    '<table border="1" class="dataframe">\n  <thead>\n    <tr style="text-align: right;">\n      <th></th>\n',
    ...COLUMNS.map((c) => `      <th>${c}</th>\n`),
    "    </tr>\n  </thead>\n  <tbody>\n",
    ...values.map(([i, ...cells]) => `    <tr>\n      <th>${i}</th>\n${cells.map((v) => `      <td>${v}</td>\n`).join("")}    </tr>\n`),
    `  </tbody>\n</table>\n<p>${rows} rows × ${COLUMNS.length} columns</p>\n</div>`,
  ].join("");
  const plain = [`    ${COLUMNS.join("  ")}`, ...values.map((row) => row.join("  "))].join("\n");
  return { "text/html": lines(html), "text/plain": lines(plain) };
}

function traceback(count, r) {
  const column = r.word();
  const red = (text) => `\u001b[0;31m${text}\u001b[0m`;
  return {
    output_type: "error",
    ename: "KeyError",
    evalue: `'${column}'`,
    traceback: [
      red("---------------------------------------------------------------------------"),
      `${red("KeyError")}                                  Traceback (most recent call last)`,
      `Cell \u001b[0;32mIn[${count}], line 2\u001b[0m\n\u001b[1;32m      1\u001b[0m summary \u001b[38;5;241m=\u001b[39m df\u001b[38;5;241m.\u001b[39mgroupby(\u001b[38;5;124m"region"\u001b[39m)\n\u001b[0;32m----> 2\u001b[0m summary[\u001b[38;5;124m"${column}"\u001b[39m]\u001b[38;5;241m.\u001b[39mmean()\n`,
      `File \u001b[0;32m/usr/lib/python3/dist-packages/pandas/core/groupby/generic.py:1951\u001b[0m, in \u001b[0;36mDataFrameGroupBy.__getitem__\u001b[0;34m(self, key)\u001b[0m\n\u001b[1;32m   1950\u001b[0m     \u001b[38;5;28;01mraise\u001b[39;00m \u001b[38;5;167;01mKeyError\u001b[39;00m(key)\n`,
      `${red("KeyError")}: '${column}'`,
    ],
  };
}

/** A code cell and its outputs; `place` counts code cells from 0, `count` is its execution count. */
function codeCell(r, place, count, last) {
  const frame = `df_${r.word()}`;
  const source = [`${frame} = sales[sales["region"] == "${REGIONS[r.int(5)]}"]`, `${frame}["${r.word()}"] = ${frame}["revenue"] / ${frame}["units"].clip(lower=1)`];
  const outputs = [];
  const kind = last ? 0.6 : r.next();
  if (ERROR_AT.has(place)) {
    outputs.push(traceback(count, r));
  } else if (kind < 0.3) {
    source.push(`print(len(${frame}), ${frame}["revenue"].sum().round(2))`);
    const printed = Array.from({ length: 1 + r.int(8) }, () => `${r.word()}: ${r.int(100000)} ${r.next().toFixed(4)}\n`).join("");
    outputs.push({ name: "stdout", output_type: "stream", text: lines(printed) });
  } else if (kind < 0.42) {
    source.push(`${frame}["margin"].describe()`);
    outputs.push({ data: { "text/plain": lines(["count", "mean", "std", "min", "max"].map((s) => `${s.padEnd(8)}${(r.next() * 1000).toFixed(6)}`).join("\n") + `\nName: margin, dtype: float64`) }, execution_count: count, metadata: {}, output_type: "execute_result" });
  } else if (kind < 0.54) {
    source.push(`${frame}.head(${5 + r.int(15)})`);
    outputs.push({ data: dataFrame(r), execution_count: count, metadata: {}, output_type: "execute_result" });
  } else if (kind < 0.73) {
    const figure = FIGURE_KINDS[r.int(FIGURE_KINDS.length)];
    source.push(`fig, ax = plt.subplots()`, `${frame}.plot(ax=ax, kind="${figure === "heatmap" ? "hexbin" : figure}")`, "plt.show()");
    outputs.push({ data: { "image/png": `${drawFigure(r, figure).toString("base64")}\n`, "text/plain": ["<Figure size 640x480 with 1 Axes>"] }, metadata: {}, output_type: "display_data" });
  } else if (kind < 0.76) {
    source.push(`${frame}.groupby("store").${r.word()}.mean()`);
    outputs.push({ name: "stderr", output_type: "stream", text: [`/tmp/ipykernel_${1000 + r.int(9000)}/${r.int(1e9)}.py:3: FutureWarning: The default of observed=False is deprecated and will be changed to True in a future version of pandas.\n`] });
  }
  return { cell_type: "code", execution_count: count, metadata: {}, outputs, source: source.join("\n") };
}

/** Keys in sorted order at every level, as nbformat writes them (json.dumps(sort_keys=True)). */
function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys(value[key])]),
  );
}

/**
 * The notebook as text (Jupyter's layout: one-space indent, sorted keys, non-ASCII
 * as is, a final newline) and what it holds. Cell 1 is Markdown; the last cell is a
 * code cell with a figure, so "the last cell rendered" includes decoding an image.
 */
export function generateNotebook({ cells: total, seed } = NOTEBOOK_SPEC) {
  const r = prng(seed);
  const cells = [{ cell_type: "markdown", metadata: {}, source: "# Sales analysis, 2024\n\nWeekly sales per store. Revenue per unit is $r = R / \\max(u, 1)$; we look for $\\rho > 0.5$ between regions." }];
  let code = 0;
  let section = 1;
  while (cells.length < total) {
    const last = cells.length === total - 1;
    if (!last && (cells.length === 1 || r.next() < 0.3)) cells.push(markdownCell(r, section++));
    else cells.push(codeCell(r, code, ++code, last));
  }
  const counts = { markdown: 0, code: 0, outputs: 0, images: 0, tables: 0, errors: 0 };
  cells.forEach((cell, index) => {
    cell.id = `${seed.toString(16)}${index.toString(16).padStart(6, "0")}`;
    cell.source = lines(cell.source);
    counts[cell.cell_type] += 1;
    for (const output of cell.outputs ?? []) {
      counts.outputs += 1;
      if (output.data?.["image/png"]) counts.images += 1;
      if (output.data?.["text/html"]) counts.tables += 1;
      if (output.output_type === "error") counts.errors += 1;
    }
  });
  const metadata = {
    kernelspec: { display_name: "Python 3 (ipykernel)", language: "python", name: "python3" },
    language_info: { codemirror_mode: { name: "ipython", version: 3 }, file_extension: ".py", mimetype: "text/x-python", name: "python", nbconvert_exporter: "python", pygments_lexer: "ipython3", version: "3.11.2" },
  };
  const text = `${JSON.stringify(sortKeys({ cells, metadata, nbformat: 4, nbformat_minor: 5 }), null, 1)}\n`;
  const last = cells.at(-1);
  return { text, bytes: Buffer.byteLength(text), cells: cells.length, counts, lastCellOutputs: last.outputs?.length ?? 0 };
}
