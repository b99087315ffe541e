"use client";

import { useCallback } from "react";
import type { PullResult } from "@/lib/workspace/types";
import { codeOf, plural, shortOid } from "./error-text";
import { useReportFailure } from "./failure-reports";
import { progressOptions } from "./progress-options";
import { useSession } from "./session-context";

function pullText(result: PullResult): string {
  const { branch, head } = result.state;
  switch (result.kind) {
    case "up-to-date":
      return `Already up to date with the remote ${branch}`;
    case "fast-forward":
      return `Pulled ${branch}: now at ${shortOid(head)}`;
    case "merged":
      return `Pulled and merged the remote's commits into ${branch} as ${shortOid(head)}`;
    case "conflicts":
      return `Pulled with ${plural(result.conflicts.length, "conflict")}: resolve ${result.conflicts.length === 1 ? "it" : "them"} in Changes, then commit the merge`;
  }
}

/** Pull and Push, with their progress and outcomes in the status region. */
export function useSyncActions() {
  const { api, run, announce, refresh, flushEditor, reportProgress, setSidePanel } = useSession();
  const reportFailure = useReportFailure();

  const pull = useCallback(
    () =>
      run({ busy: "Pulling", failure: "Could not pull" }, async () => {
        if (!(await flushEditor())) return;
        const result = await api.pull(progressOptions((progress) => reportProgress("Pulling", progress)));
        await refresh();
        if (result.kind === "conflicts") setSidePanel("changes");
        announce({ text: pullText(result), tone: result.kind === "conflicts" ? "error" : "success" });
      }),
    [api, run, announce, refresh, flushEditor, reportProgress, setSidePanel],
  );

  const push = useCallback(
    () =>
      run(
        {
          busy: "Pushing",
          failure: "Could not push",
          onError: (error) => {
            reportFailure("push", error);
            if (codeOf(error) !== "push_rejected") return false;
            announce({
              text: "Push rejected: the remote has new commits. Nothing was lost. Pull them, then push again.",
              tone: "error",
              action: { label: "Pull now", run: () => void pull() },
            });
            return true;
          },
        },
        async () => {
          if (!(await flushEditor())) return;
          const now = await api.getState();
          if (now.unpushed === 0 && now.remoteHead !== null && now.remoteHead === now.head && !now.merging) {
            return announce({
              text: now.changes > 0 ? `Nothing to push: commit your changes first (${now.branch} is up to date with the remote).` : `Nothing to push: ${now.branch} is up to date with the remote.`,
              tone: "info",
            });
          }
          const state = await api.push(progressOptions((progress) => reportProgress("Pushing", progress)));
          await refresh();
          announce({ text: `Pushed to ${state.branch}`, tone: "success" });
        },
      ),
    [api, run, announce, refresh, flushEditor, reportProgress, pull, reportFailure],
  );

  return { pull, push };
}
