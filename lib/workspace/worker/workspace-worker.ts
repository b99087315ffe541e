/// <reference lib="webworker" />
// The git side of a session, in a Web Worker so that cloning, pack indexing and
// tree building never block the page. One worker per open session tab.
import LightningFS from "@isomorphic-git/lightning-fs";
import { expose } from "comlink";
import http from "isomorphic-git/http/web";
import { withGatewayRefusals } from "../gateway-refusal";
import type { WorkspaceContext } from "../context";
import { openIdbLfsStore } from "../lfs/idb-lfs-store";
import { openIdbOverlay } from "../overlay/idb-overlay";
import type { Author } from "../types";
import { createWorkspaceApi } from "./workspace-api";

export type WorkerInit = {
  projectId: string;
  remoteUrl: string;
  author: Author;
  /** The same-origin git gateway (absolute, e.g. `https://host/proxy`) for registered repositories. */
  corsProxy?: string;
  /** Names the browser storage (volume, overlay, locks); defaults to projectId. E.g. `repository-{id}`. */
  volumeId?: string;
};

const worker = {
  /** Opens the project's volume (lightning-fs + overlay) and returns the API bound to it. */
  async init({ projectId, remoteUrl, author, corsProxy, volumeId = projectId }: WorkerInit) {
    const volume = `benchtop-${volumeId}`;
    const fs = new LightningFS(volume);
    const ctx: WorkspaceContext = {
      fs: fs as unknown as WorkspaceContext["fs"],
      dir: "/repo",
      gitdir: "/repo/.git",
      cache: {},
      overlay: await openIdbOverlay({ name: `${volume}-overlay` }),
      // A refusal of the git gateway keeps its kind (x-benchtop-refusal) on the way to the session.
      http: withGatewayRefusals(http),
      url: remoteUrl,
      corsProxy,
      author,
      lfs: await openIdbLfsStore({ name: `${volume}-lfs` }),
    };
    return createWorkspaceApi({
      ctx,
      lockName: `benchtop-workspace:${volumeId}`,
      channelName: `benchtop-workspace:${volumeId}`,
      flush: () => fs.promises.flush(),
    });
  },
};

export type WorkspaceWorker = typeof worker;

expose(worker);
