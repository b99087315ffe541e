import { escapeHtml } from "../../render/escape";
import { formatSize } from "./format-size";
import type { TreeEntry } from "./git-objects";

const byName = (a: TreeEntry, b: TreeEntry) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

function row(entry: TreeEntry): string {
  const name = escapeHtml(entry.name);
  if (entry.type === "commit") return `<tr><td>${name}/</td><td class="note">submodule, not deployed</td><td class="size"></td></tr>`;
  const folder = entry.type === "tree";
  const href = escapeHtml(encodeURIComponent(entry.name) + (folder ? "/" : ""));
  const link = entry.mode === "120000" ? "link" : "";
  const size = folder || entry.size === null || link ? "" : formatSize(entry.size);
  return `<tr><td><a href="${href}">${name}${folder ? "/" : ""}</a></td><td class="note">${link}</td><td class="size">${size}</td></tr>`;
}

/**
 * A folder without an index page: folders first, then files, each by name;
 * names escaped, links percent-encoded and relative (the folder's URL ends in
 * "/"), a link up except at the deployment's root, sizes of files. Symbolic
 * links are listed as links (they are served when they stay inside the commit);
 * submodules are named but not linked.
 */
export function folderListing({ path, entries }: { path: string; entries: TreeEntry[] }): string {
  const folders = entries.filter((entry) => entry.type !== "blob").sort(byName);
  const files = entries.filter((entry) => entry.type === "blob").sort(byName);
  const up = path ? `<tr><td><a href="../">../</a></td><td class="note">parent folder</td><td class="size"></td></tr>` : "";
  const rows = [...folders, ...files].map(row).join("\n");
  const empty = entries.length ? "" : `<tr><td colspan="3" class="note">This folder is empty.</td></tr>`;
  return (
    `<table class="deploy-listing" aria-label="Files in ${escapeHtml(path ? `${path}/` : "/")}">` +
    `<thead><tr><th scope="col">Name</th><th scope="col">Note</th><th scope="col" class="size">Size</th></tr></thead>\n` +
    `<tbody>\n${up}${up ? "\n" : ""}${rows}${empty}\n</tbody></table>`
  );
}
