"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { parentOf } from "@/lib/workspace/paths";
import type { FileEntry } from "@/lib/workspace/types";
import { describeError } from "./error-text";
import { useSession } from "./session-context";
import { markerOf, TreeItem } from "./tree-item";
import { TreeToolbar } from "./tree-toolbar";
import { useTree } from "./use-tree";
import { useLfsActions } from "./use-lfs-actions";
import { useTreeActions } from "./use-tree-actions";

/** The repository's files: a keyboard-navigable tree with create, rename, move and delete. */
export function FileTree() {
  const { api, revision, changes, state, canPush, openPath, openFile, announce } = useSession();
  const onError = useCallback((error: unknown) => announce({ text: `Could not list the files. ${describeError(error)}`, tone: "error" }), [announce]);
  const { visible, expanded, loaded, expand, collapse } = useTree({ api, revision, changes, onError });
  const actions = useTreeActions({ expand });
  const lfs = useLfsActions({ reveal: actions.reveal });
  const [dropping, setDropping] = useState(false);
  const [activePath, setActivePath] = useState<string | null>(null);
  const treeRef = useRef<HTMLDivElement>(null);

  const conflicts = useMemo(() => new Set([...(state.merging?.conflicts ?? []), ...changes.filter((c) => c.conflict).map((c) => c.path)]), [state.merging, changes]);
  const activeIndex = Math.max(0, visible.findIndex((item) => item.entry.path === activePath));
  const active = visible[activeIndex]?.entry ?? null;
  // A viewer browses: no file is created, renamed or deleted (nothing they could push).
  const changeable = canPush && active !== null && active.change !== "deleted";

  useEffect(() => {
    // Tells the benchmark (and tests) that the tree has rendered its first listing.
    if (loaded) document.body.dataset.sessionReady = "true";
  }, [loaded]);
  useEffect(() => () => void delete document.body.dataset.sessionReady, []);

  const focusItem = (path: string) => {
    const element = treeRef.current?.querySelector<HTMLElement>(`[data-path="${CSS.escape(path)}"]`);
    element?.focus();
  };

  const activate = (entry: FileEntry) => {
    setActivePath(entry.path);
    if (entry.type === "dir") void (expanded.has(entry.path) ? collapse(entry.path) : expand(entry.path));
    else if (entry.change === "deleted") announce({ text: `${entry.path} is deleted. To bring it back, use Discard in Changes.`, tone: "info" });
    else void openFile(entry.path);
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (!active) return;
    const move = (index: number) => {
      const target = visible[Math.max(0, Math.min(visible.length - 1, index))];
      if (target) focusItem(target.entry.path);
    };
    const isOpenDir = active.type === "dir" && expanded.has(active.path);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(activeIndex + 1),
      ArrowUp: () => move(activeIndex - 1),
      Home: () => move(0),
      End: () => move(visible.length - 1),
      ArrowRight: () => (active.type !== "dir" ? undefined : isOpenDir ? move(activeIndex + 1) : void expand(active.path)),
      ArrowLeft: () => (isOpenDir ? collapse(active.path) : parentOf(active.path) !== "" && focusItem(parentOf(active.path))),
      Enter: () => activate(active),
      " ": () => activate(active),
      F2: () => changeable && void actions.rename(active),
      Delete: () => changeable && void actions.remove(active),
    };
    const handler = keys[event.key];
    if (!handler) return;
    event.preventDefault();
    handler();
  };

  const targetFolder = active ? (active.type === "dir" ? active.path : parentOf(active.path)) : "";

  return (
    <section aria-labelledby="files-heading" className="flex h-full min-h-0 flex-col">
      <div className="space-y-1 border-b border-slate-200 px-2 py-2">
        <h2 id="files-heading" className="px-1 text-xs font-semibold uppercase tracking-wide text-slate-500">
          Files
        </h2>
        {canPush && (
          <TreeToolbar
            canChangeSelected={changeable}
            fileSelected={active?.type === "file"}
            selectedName={active?.path ?? null}
            onNewFile={() => void actions.createFile(targetFolder)}
            onNewFolder={() => void actions.createFolder(targetFolder)}
            onRename={() => active && void actions.rename(active)}
            onDelete={() => active && void actions.remove(active)}
            onUpload={(files) => void lfs.upload(files, targetFolder)}
            onTrack={() => active && void lfs.track(active.path)}
          />
        )}
      </div>
      <div
        ref={treeRef}
        role="tree"
        aria-label="Files"
        aria-busy={!loaded}
        onKeyDown={onKeyDown}
        // Files dropped here from the computer go into the selected folder.
        onDragOver={(event) => {
          if (!canPush || !event.dataTransfer.types.includes("Files")) return;
          event.preventDefault();
          setDropping(true);
        }}
        onDragLeave={() => setDropping(false)}
        onDrop={(event) => {
          setDropping(false);
          if (!canPush || event.dataTransfer.files.length === 0) return;
          event.preventDefault();
          void lfs.upload([...event.dataTransfer.files], targetFolder);
        }}
        className={`min-h-0 flex-1 overflow-auto py-1 ${dropping ? "bg-indigo-50 outline-2 outline-dashed outline-indigo-400" : ""}`}
      >
        {visible.map(({ entry, level, setSize, position }, index) => (
          <TreeItem
            key={entry.path}
            entry={entry}
            level={level}
            setSize={setSize}
            position={position}
            expanded={expanded.has(entry.path)}
            active={index === activeIndex}
            open={entry.path === openPath}
            marker={markerOf(entry, conflicts)}
            onActivate={activate}
            onFocusItem={setActivePath}
          />
        ))}
      </div>
      {loaded && visible.length === 0 && <p className="px-3 py-2 text-sm text-slate-500">{canPush ? "No files yet. Use New file to add one." : "No files yet."}</p>}
    </section>
  );
}
