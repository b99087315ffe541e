"use client";

import { useCallback } from "react";
import { codeOf, describeError, failureOf, plural } from "./error-text";
import { useSession } from "./session-context";

/** Create, switch and delete branches; uncommitted changes are never carried without asking. */
export function useBranchActions() {
  const { api, state, changes, run, confirm, announce, refresh, flushEditor } = useSession();

  const cannotCarry = useCallback(
    (name: string) => (error: unknown) => {
      if (codeOf(error) !== "conflict") return false;
      announce({
        text: `Your uncommitted changes can't be carried to ${name}: files they touch are different there. Commit or discard them first, then switch. You are still on ${state.branch}.`,
        tone: "error",
      });
      return true;
    },
    [announce, state.branch],
  );

  const switchTo = useCallback(
    (name: string) =>
      run({ busy: `Switching to ${name}`, failure: `Could not switch to ${name}`, onError: cannotCarry(name) }, async () => {
        if (!(await flushEditor())) return;
        try {
          await api.switchBranch({ name });
        } catch (error) {
          if (codeOf(error) !== "dirty") throw error;
          const count = failureOf(error).paths?.length || changes.length || state.changes;
          const carry = await confirm({
            title: `Carry your ${plural(count, "uncommitted change")} to ${name}?`,
            body: `They will stay uncommitted and go with you to ${name}. Cancel to stay on ${state.branch}, where you can commit or discard them first.`,
            confirmLabel: "Carry",
            cancelLabel: "Cancel",
          });
          if (!carry) return announce({ text: `Stayed on ${state.branch}; your changes are untouched.`, tone: "info" });
          await api.switchBranch({ name, carryChanges: true });
        }
        await refresh();
        announce({ text: `Switched to ${name}`, tone: "success" });
      }),
    [api, run, confirm, announce, refresh, flushEditor, cannotCarry, changes.length, state.changes, state.branch],
  );

  const create = useCallback(
    async (name: string) => {
      const created = await run({ busy: `Creating branch ${name}`, failure: `Could not create branch ${name}` }, async () => {
        await api.createBranch({ name });
        return true;
      });
      if (created) await switchTo(name);
    },
    [api, run, switchTo],
  );

  const remove = useCallback(
    async (name: string) => {
      const ok = await confirm({
        title: `Delete branch ${name}?`,
        body: "The branch will be deleted from this browser's copy; the remote's branch of that name, if there is one, stays.",
        confirmLabel: "Delete branch",
        danger: true,
      });
      if (!ok) return;
      await run({ busy: `Deleting branch ${name}`, failure: `Could not delete branch ${name}` }, async () => {
        try {
          await api.deleteBranch({ name });
        } catch (error) {
          if (codeOf(error) !== "unpushed") throw error;
          const lose = await confirm({
            title: `Lose the unpushed commits on ${name}?`,
            body: `${describeError(error)} Deleting the branch anyway will lose them.`,
            confirmLabel: "Delete and lose commits",
            danger: true,
          });
          if (!lose) return;
          await api.deleteBranch({ name, force: true });
        }
        await refresh();
        announce({ text: `Deleted branch ${name}`, tone: "success" });
      });
    },
    [api, run, confirm, announce, refresh],
  );

  return { switchTo, create, remove };
}
