import type { WorkspaceContext } from "./context";
import { usageOf, type LfsUsage } from "./lfs/budget";
import { evictToBudget, requireLfsStore } from "./lfs/lfs-files";
import { guard } from "./local-errors";

/** How much this browser keeps of the session's large files (Git LFS), and the budget for it. */
export async function getLfsUsage({ ctx }: { ctx: WorkspaceContext }): Promise<LfsUsage> {
  return guard("read the large-file storage", async () => {
    const store = requireLfsStore(ctx);
    return usageOf(await store.list(), await store.getBudget());
  });
}

/**
 * Removes this browser's copies of large files that the server has (they are
 * downloaded again when opened); those made here and not pushed yet stay.
 */
export async function clearLfsCopies({ ctx }: { ctx: WorkspaceContext }): Promise<LfsUsage> {
  return guard("clear the large-file storage", async () => {
    const store = requireLfsStore(ctx);
    for (const object of await store.list()) if (!object.pinned) await store.delete(object.oid);
    return usageOf(await store.list(), await store.getBudget());
  });
}

/** Sets how much this browser keeps of the server's large files for offline use, removing the least recently used past it. */
export async function setLfsBudget({ ctx, bytes }: { ctx: WorkspaceContext; bytes: number }): Promise<LfsUsage> {
  return guard("change the large-file storage", async () => {
    const store = requireLfsStore(ctx);
    await store.setBudget(Math.max(0, Math.floor(bytes)));
    await evictToBudget(store);
    return usageOf(await store.list(), await store.getBudget());
  });
}
