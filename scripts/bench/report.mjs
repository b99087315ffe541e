// Turns samples into medians, prints one table per repository and writes bench.json.
import fs from "node:fs";
import path from "node:path";
import { formatBytes, median, round } from "./util.mjs";

// Rows of the table: browser sample key, native sample key (null: no native counterpart).
const ROWS = [
  { label: "open session (no local copy) / git clone --depth 1", browser: "open", native: "clone" },
  { label: "reopen session (local copy exists)", browser: "reopen", native: null },
  { label: "status, nothing changed", browser: "statusClean", native: "statusClean" },
  { label: "status, one file changed", browser: "statusOneChanged", native: "statusOneChanged" },
  { label: "commit, one file", browser: "commitOneFile", native: "commitOneFile" },
  { label: "commit, ten files", browser: "commitTenFiles", native: "commitTenFiles" },
  { label: "push, one commit", browser: "pushOneCommit", native: "pushOneCommit" },
];

const maxOf = (peaks, key) => (peaks.length ? Math.max(...peaks.map((p) => p?.[key] ?? 0)) : null);

/** The highest of each memory figure over several samplers' peaks (memory.mjs). */
export const peakMemory = (list) => ({
  pageHeapMB: round(maxOf(list, "pageHeapMB")),
  pageBuffersMB: round(maxOf(list, "pageBuffersMB")),
  workerHeapMB: round(maxOf(list, "workerHeapMB")),
  workerBuffersMB: round(maxOf(list, "workerBuffersMB")),
  rendererRssMB: round(maxOf(list, "rendererRssMB")),
});

export const describePeak = (p) =>
  p ? `page JS heap ${p.pageHeapMB} MB (+${p.pageBuffersMB} MB ArrayBuffers), worker JS heap ${p.workerHeapMB} MB (+${p.workerBuffersMB} MB ArrayBuffers), largest renderer RSS ${p.rendererRssMB} MB` : "-";

/** Browser samples by key (open/reopen from their runs, the rest from the operations). */
function browserSamples(browser) {
  if (!browser) return {};
  return {
    open: browser.open.map((o) => o.ms),
    reopen: browser.reopen.map((o) => o.ms),
    ...(browser.operations?.samples ?? {}),
  };
}

/** The summary of one repository: rows with medians and ratios, peaks, raw samples. */
// Rows of the gateway table: through /proxy next to straight from /git.
const GATEWAY_ROWS = [
  { label: "git clone --depth 1", via: "gatewayClone", direct: "directClone" },
  { label: "git push, one commit", via: "gatewayPush", direct: "directPush" },
];

export function summarize({ repo, pushMs, native, gateway, browser, error }) {
  const bSamples = browserSamples(browser);
  const rows = ROWS.map(({ label, browser: b, native: n }) => {
    const browserMs = median(bSamples[b] ?? []);
    const nativeMs = n ? median(native?.[n] ?? []) : null;
    return { operation: label, browserMs: round(browserMs), nativeMs: round(nativeMs), ratio: browserMs != null && nativeMs ? round(browserMs / nativeMs, 2) : null };
  });
  return {
    repository: { name: repo.name, files: repo.files, bytes: repo.bytes, commits: repo.commits, packBytes: repo.packBytes, generateMs: round(repo.generateMs), initialPushMs: round(pushMs) },
    rows,
    gatewayRows: gateway
      ? GATEWAY_ROWS.map(({ label, via, direct }) => {
          const viaMs = median(gateway[via]);
          const directMs = median(gateway[direct]);
          return { operation: label, gatewayMs: round(viaMs), directMs: round(directMs), ratio: viaMs != null && directMs ? round(viaMs / directMs, 2) : null };
        })
      : [],
    memory: browser
      ? {
          open: peakMemory(browser.open.map((o) => o.peak)),
          reopen: peakMemory(browser.reopen.map((o) => o.peak)),
          operations: browser.operationsPeak ? peakMemory([browser.operationsPeak]) : null,
        }
      : null,
    warnings: browser?.operations?.warnings ?? [],
    openBreakdown: browser?.open.map((o) => ({ ms: round(o.ms), wallMs: round(o.wallMs), ...o.breakdown })) ?? [],
    reopenBreakdown: browser?.reopen.map((o) => ({ ms: round(o.ms), wallMs: round(o.wallMs), ...o.breakdown })) ?? [],
    samples: { browser: bSamples, native: native ?? null, gateway: gateway ?? null },
    error: error ?? null,
  };
}

const pad = (text, width, right) => (right ? String(text).padStart(width) : String(text).padEnd(width));
export const cell = (value) => (value == null ? "-" : value >= 100 ? Math.round(value).toLocaleString("en-US") : String(value));

/** A Markdown table: the first column left-aligned, the others right-aligned. */
export function printTable(header, lines) {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cols) => `| ${cols.map((c, i) => pad(c, widths[i], i > 0)).join(" | ")} |`;
  console.log(format(header));
  console.log(`|${widths.map((w, i) => (i > 0 ? "-".repeat(w + 1) + ":" : "-".repeat(w + 2))).join("|")}|`);
  for (const line of lines) console.log(format(line));
}

const ratioCell = (ratio) => (ratio == null ? "-" : `${ratio.toFixed(2)}x`);

export function printSummary(summary) {
  const { repository: r } = summary;
  console.log(`\n${r.name}: ${r.files.toLocaleString("en-US")} files, ${formatBytes(r.bytes)}, ${r.commits} commits (pack ${formatBytes(r.packBytes)})`);
  printTable(
    ["operation", "browser ms", "native ms", "ratio"],
    summary.rows.map((row) => [row.operation, cell(row.browserMs), cell(row.nativeMs), ratioCell(row.ratio)]),
  );
  if (summary.gatewayRows.length) {
    console.log("");
    printTable(
      ["native git", "through /proxy ms", "straight to /git ms", "ratio"],
      summary.gatewayRows.map((row) => [row.operation, cell(row.gatewayMs), cell(row.directMs), ratioCell(row.ratio)]),
    );
  }
  const m = summary.memory;
  if (m) {
    console.log(`peak memory while opening:   ${describePeak(m.open)}`);
    console.log(`peak memory while reopening: ${describePeak(m.reopen)}`);
    console.log(`peak memory during operations: ${describePeak(m.operations)}`);
  }
  for (const warning of summary.warnings) console.log(`warning: ${warning}`);
  if (summary.error) console.log(`error: ${summary.error}`);
}

export function writeJson(file, data) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(data, null, 2) + "\n");
}
