"use client";

import type { Remote } from "comlink";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { WorkspaceApi } from "@/lib/workspace/api";
import { compareNames, parentOf } from "@/lib/workspace/paths";
import type { Change, FileEntry } from "@/lib/workspace/types";

export type VisibleItem = { entry: FileEntry; level: number; setSize: number; position: number };

/**
 * The tree's folders: listings loaded lazily when a folder is expanded, all
 * re-read whenever the session's revision changes. Deleted files, which a
 * listing of the working tree no longer holds, are added back from the status.
 */
export function useTree({ api, revision, changes, onError }: { api: Remote<WorkspaceApi>; revision: number; changes: Change[]; onError: (error: unknown) => void }) {
  const [listings, setListings] = useState<Map<string, FileEntry[]>>(() => new Map());
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set());
  const [loaded, setLoaded] = useState(false);
  const expandedRef = useRef(expanded);
  useEffect(() => {
    expandedRef.current = expanded;
  }, [expanded]);

  useEffect(() => {
    let cancelled = false;
    const folders = ["", ...expandedRef.current];
    void Promise.all(folders.map((path) => api.listDirectory({ path }).then((list) => [path, list] as const, (error: unknown) => [path, error] as const))).then((results) => {
      if (cancelled) return;
      const next = new Map<string, FileEntry[]>();
      for (const [path, result] of results) {
        if (Array.isArray(result)) next.set(path, result);
        else if (path === "") onError(result);
      }
      // A folder expanded while this was loading keeps its own (newer) listing.
      setListings((prev) => {
        for (const [path, list] of prev) if (!folders.includes(path) && !next.has(path)) next.set(path, list);
        return next;
      });
      setExpanded((prev) => new Set([...prev].filter((path) => next.has(path) || !folders.includes(path))));
      setLoaded(true);
    });
    return () => {
      cancelled = true;
    };
  }, [api, revision, onError]);

  const expand = useCallback(
    async (path: string) => {
      try {
        const list = await api.listDirectory({ path });
        setListings((prev) => new Map(prev).set(path, list));
        setExpanded((prev) => new Set(prev).add(path));
      } catch (error) {
        onError(error);
      }
    },
    [api, onError],
  );

  const collapse = useCallback((path: string) => {
    setExpanded((prev) => {
      const next = new Set(prev);
      next.delete(path);
      return next;
    });
  }, []);

  const visible = useMemo(() => flatten(withDeleted(listings, changes), expanded), [listings, changes, expanded]);
  return { visible, expanded, loaded, expand, collapse };
}

function withDeleted(listings: Map<string, FileEntry[]>, changes: Change[]): Map<string, FileEntry[]> {
  const deleted = changes.filter((change) => change.kind === "deleted");
  if (deleted.length === 0) return listings;
  const next = new Map(listings);
  for (const change of deleted) {
    const folder = parentOf(change.path);
    const list = next.get(folder);
    if (!list || list.some((entry) => entry.path === change.path)) continue;
    const name = change.path.slice(folder === "" ? 0 : folder.length + 1);
    next.set(folder, [...list, { name, path: change.path, type: "file", change: "deleted", conflict: change.conflict }]);
  }
  return next;
}

function sortEntries(entries: FileEntry[]): FileEntry[] {
  return [...entries].sort((a, b) => (a.type === b.type ? compareNames(a.name, b.name) : a.type === "dir" ? -1 : 1));
}

function flatten(listings: Map<string, FileEntry[]>, expanded: Set<string>): VisibleItem[] {
  const out: VisibleItem[] = [];
  const walk = (folder: string, level: number) => {
    const entries = sortEntries(listings.get(folder) ?? []);
    entries.forEach((entry, index) => {
      out.push({ entry, level, setSize: entries.length, position: index + 1 });
      if (entry.type === "dir" && expanded.has(entry.path)) walk(entry.path, level + 1);
    });
  };
  walk("", 1);
  return out;
}
