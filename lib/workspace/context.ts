import type { HttpClient, PromiseFsClient } from "isomorphic-git";
import type { LfsObjectStore } from "./lfs/object-store";
import type { OverlayStore } from "./overlay/overlay-store";
import type { Author } from "./types";

/**
 * What every workspace operation works with. One context per project volume;
 * `cache` is the one isomorphic-git cache shared by all calls, so pack indexes
 * are read and parsed once.
 */
export type WorkspaceContext = {
  fs: PromiseFsClient;
  /** The working directory name isomorphic-git uses; files are never written there. */
  dir: string;
  gitdir: string;
  /** isomorphic-git's object cache, shared by every call on this volume. */
  cache: object;
  overlay: OverlayStore;
  http: HttpClient;
  /** The remote's URL (absolute). */
  url: string;
  /** Extra headers for git HTTP requests (none for same-origin cookies). */
  headers?: Record<string, string>;
  /**
   * A same-origin git gateway (e.g. `https://benchtop.example/proxy`) that
   * forwards to the remote with the repository's stored credential. Every
   * network call goes to `${corsProxy}/${url without the scheme}`; a 401 from
   * it means the host refused that stored credential, not the sign-in.
   */
  corsProxy?: string;
  author: Author;
  /** Git LFS objects kept in this browser (downloaded, or made here and not pushed yet). */
  lfs?: LfsObjectStore;
};
