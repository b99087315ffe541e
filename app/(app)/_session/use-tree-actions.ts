"use client";

import { useCallback } from "react";
import { ancestorsOf, isUnder, parentOf } from "@/lib/workspace/paths";
import type { FileEntry } from "@/lib/workspace/types";
import { describeError } from "./error-text";
import { useSession } from "./session-context";
import type { PromptOptions } from "./dialog-options";

const PATH_HINT = 'A path inside the repository, such as "src/model.py". Folders are separated by "/".';

/** Create, rename (or move) and delete files and folders, asking for names and confirmation. */
export function useTreeActions({ expand }: { expand: (path: string) => Promise<void> }) {
  const { api, run, prompt, confirm, announce, refresh, openFile, openPath } = useSession();

  /**
   * Asks for a path and checks it before the dialog closes: a name git could not
   * check out is refused under the field; one that differs only by case from an
   * existing path asks for confirmation (macOS and Windows checkouts cannot hold both).
   */
  const askForPath = useCallback(
    async (options: Omit<PromptOptions, "validate">, { movingFrom }: { movingFrom?: string } = {}) => {
      let caseTwin: string | null = null;
      const path = await prompt({
        ...options,
        validate: async (value) => {
          if (value === movingFrom) return null;
          try {
            caseTwin = (await api.inspectNewPath({ path: value, movingFrom })).caseTwin;
            // Said here, under the field, where it goes away as the name is changed.
            const siblings = await api.listDirectory({ path: parentOf(value) }).catch(() => []);
            const taken = siblings.find((entry) => entry.path === value && entry.change !== "deleted");
            return taken ? `There is already a ${taken.type === "dir" ? "folder" : "file"} "${value}". Choose another name.` : null;
          } catch (error) {
            return describeError(error);
          }
        },
      });
      if (!path || !caseTwin) return path;
      const ok = await confirm({
        title: `${path} differs from ${caseTwin} only by case`,
        body: `On macOS and Windows the two names are the same, so a checkout there would hold only one of them. Choose another name unless everyone works on Linux.`,
        confirmLabel: "Use it anyway",
        cancelLabel: "Cancel",
      });
      return ok ? path : null;
    },
    [api, prompt, confirm],
  );

  const reveal = useCallback(
    async (path: string, { self = false } = {}) => {
      for (const folder of self ? [...ancestorsOf(path), path] : ancestorsOf(path)) await expand(folder);
    },
    [expand],
  );

  const createFile = useCallback(
    async (folder: string) => {
      const path = await askForPath({ title: "New file", label: "Path of the new file", defaultValue: folder ? `${folder}/` : "", submitLabel: "Create", hint: PATH_HINT });
      if (!path) return;
      await run({ busy: `Creating ${path}`, failure: `Could not create ${path}` }, async () => {
        const siblings = await api.listDirectory({ path: parentOf(path) }).catch(() => []);
        if (siblings.some((entry) => entry.path === path)) throw { code: "exists", message: `${path} already exists. Choose another name.` };
        await api.writeFile({ path, content: new Uint8Array() });
        await refresh();
        await reveal(path);
        await openFile(path);
        announce({ text: `Created ${path}`, tone: "success" });
      });
    },
    [api, run, askForPath, announce, refresh, reveal, openFile],
  );

  const createFolder = useCallback(
    async (folder: string) => {
      const path = await askForPath({ title: "New folder", label: "Path of the new folder", defaultValue: folder ? `${folder}/` : "", submitLabel: "Create", hint: PATH_HINT });
      if (!path) return;
      await run({ busy: `Creating ${path}`, failure: `Could not create ${path}` }, async () => {
        await api.createFolder({ path });
        await refresh();
        await reveal(path, { self: true });
        announce({ text: `Created folder ${path}`, tone: "success" });
      });
    },
    [api, run, askForPath, announce, refresh, reveal],
  );

  const rename = useCallback(
    async (entry: FileEntry) => {
      const to = await askForPath(
        { title: `Rename or move ${entry.name}`, label: "New path", defaultValue: entry.path, submitLabel: "Apply", hint: "Change the folders in the path to move it." },
        { movingFrom: entry.path },
      );
      if (!to || to === entry.path) return;
      const wasOpen = openPath !== null && isUnder(openPath, entry.path) ? openPath : null;
      await run({ busy: `Moving ${entry.path}`, failure: `Could not move ${entry.path}` }, async () => {
        // Save first: the editor's text must move with the file.
        if (wasOpen && !(await openFile(null))) return;
        await api.movePath({ from: entry.path, to });
        await refresh();
        await reveal(to);
        if (wasOpen) await openFile(to + wasOpen.slice(entry.path.length));
        announce({ text: `${parentOf(to) === parentOf(entry.path) ? "Renamed" : "Moved"} ${entry.path} to ${to}`, tone: "success" });
      });
    },
    [api, run, askForPath, announce, refresh, reveal, openFile, openPath],
  );

  const remove = useCallback(
    async (entry: FileEntry) => {
      const isDir = entry.type === "dir";
      const ok = await confirm({
        title: `Delete ${entry.path}?`,
        body: isDir
          ? "The folder and everything in it will be deleted. Until you commit, you can bring committed files back with Discard in Changes."
          : "The file will be deleted. Until you commit, you can bring a committed file back with Discard in Changes.",
        confirmLabel: isDir ? "Delete folder" : "Delete file",
        danger: true,
      });
      if (!ok) return;
      await run({ busy: `Deleting ${entry.path}`, failure: `Could not delete ${entry.path}` }, async () => {
        if (openPath !== null && isUnder(openPath, entry.path)) await openFile(null, { save: false });
        await api.deletePath({ path: entry.path });
        await refresh();
        announce({ text: `Deleted ${entry.path}`, tone: "success" });
      });
    },
    [api, run, confirm, announce, refresh, openFile, openPath],
  );

  return { createFile, createFolder, rename, remove, reveal };
}
