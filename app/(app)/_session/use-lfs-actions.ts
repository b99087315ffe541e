"use client";

import { useCallback } from "react";
import { extensionPattern, filePattern } from "@/lib/workspace/lfs/track-pattern";
import { checkTrackPattern } from "@/lib/workspace/lfs/track-pattern";
import { joinPath } from "@/lib/workspace/paths";
import { LARGE_FILE_BYTES } from "@/lib/workspace/types";
import { formatSize } from "./format-size";
import { progressOptions } from "./progress-options";
import { useSession } from "./session-context";

/**
 * Large files in the tree: "Track with LFS" (a pattern added to .gitattributes)
 * and adding files from the person's computer, each streamed into the session
 * (a file at a Git LFS path is never held whole in memory). A file of
 * LARGE_FILE_BYTES or more that LFS does not track gets a warning offering to track it.
 */
export function useLfsActions({ reveal }: { reveal: (path: string) => Promise<void> }) {
  const { api, run, prompt, confirm, announce, refresh, reportProgress, openFile } = useSession();

  const track = useCallback(
    async (path: string) => {
      const pattern = await prompt({
        title: "Track with LFS",
        label: "Pattern to keep in Git LFS",
        defaultValue: extensionPattern(path) ?? filePattern(path),
        submitLabel: "Track",
        hint: `*.csv takes every CSV file, ${filePattern(path)} only this one. It is added to .gitattributes; files already committed move to LFS when they next change.`,
        validate: async (value) => checkTrackPattern(value),
      });
      if (!pattern) return;
      await run({ busy: `Tracking ${pattern} with Git LFS`, failure: `Could not track ${pattern}` }, async () => {
        const { changed } = await api.trackWithLfs({ pattern });
        await refresh();
        announce({ text: changed ? `Tracking ${pattern} with Git LFS: .gitattributes changed (commit it with your files).` : `${pattern} is tracked with Git LFS already.`, tone: "success" });
      });
    },
    [api, run, prompt, announce, refresh],
  );

  /** Before a large file goes into plain git: the warning, and the offer to track it. False when the person cancels. */
  const offerTracking = useCallback(
    async (path: string, size: number) => {
      const pattern = extensionPattern(path) ?? filePattern(path);
      const yes = await confirm({
        title: `${path} is ${formatSize(size)}: track it with Git LFS?`,
        body: `Git keeps every version of a file in every copy of the repository, and hosts such as GitHub refuse files over 100 MB. Git LFS keeps big files beside git: commits hold a small pointer. Tracking adds ${pattern} to .gitattributes.`,
        confirmLabel: `Track ${pattern} with LFS`,
        cancelLabel: "Add without LFS",
      });
      if (yes) await api.trackWithLfs({ pattern });
      return yes;
    },
    [api, confirm],
  );

  const upload = useCallback(
    async (files: File[], folder: string) => {
      for (const file of files) {
        const path = joinPath(folder, file.name);
        if (!(await api.checkLfsTracked({ path }).catch(() => false)) && file.size >= LARGE_FILE_BYTES) await offerTracking(path, file.size);
        const added = await run({ busy: `Adding ${path}`, failure: `Could not add ${path}` }, () =>
          api.addFile(progressOptions((progress) => reportProgress(`Adding ${path}`, progress), { path, file })),
        );
        if (!added) return;
        await refresh();
        await reveal(path);
        announce({ text: `Added ${path}${added.lfs ? " (Git LFS)" : ""} (${formatSize(file.size)})`, tone: "success" });
      }
      const last = files.at(-1);
      if (files.length === 1 && last) await openFile(joinPath(folder, last.name));
    },
    [api, run, announce, refresh, reveal, reportProgress, offerTracking, openFile],
  );

  return { track, upload };
}
