import { wrap, type Remote } from "comlink";
import type { WorkspaceApi } from "../api";
import type { Author } from "../types";
import type { WorkspaceWorker } from "./workspace-worker";

export type WorkspaceChange = { type: "changed"; paths?: string[] };

export type WorkspaceClient = {
  api: Remote<WorkspaceApi>;
  /** Called when this tab's worker or another tab changed the workspace. */
  onChange(listener: (event: WorkspaceChange) => void): () => void;
  dispose(): void;
};

/**
 * Starts the git worker for one project (or registered repository) and
 * connects to it. Browser only: call it from a client component's effect.
 * `volumeId` names the browser storage (defaults to projectId; repositories
 * use `repository-{id}` so they never share a volume with a project);
 * `corsProxy` sends git traffic through the same-origin gateway.
 */
export async function createWorkspaceClient({
  projectId,
  remoteUrl,
  author,
  corsProxy,
  volumeId = projectId,
}: {
  projectId: string;
  remoteUrl: string;
  author: Author;
  corsProxy?: string;
  volumeId?: string;
}): Promise<WorkspaceClient> {
  const worker = new Worker(new URL("./workspace-worker.ts", import.meta.url), { type: "module", name: `benchtop-${volumeId}` });
  const remote = wrap<WorkspaceWorker>(worker);
  const api = (await remote.init({ projectId, remoteUrl, author, corsProxy, volumeId })) as unknown as Remote<WorkspaceApi>;
  const channel = new BroadcastChannel(`benchtop-workspace:${volumeId}`);
  return {
    api,
    onChange(listener) {
      const handler = (event: MessageEvent<WorkspaceChange>) => listener(event.data);
      channel.addEventListener("message", handler);
      return () => channel.removeEventListener("message", handler);
    },
    dispose() {
      channel.close();
      worker.terminate();
    },
  };
}
