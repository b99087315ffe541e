import type { Exchange } from "./respond";

/** One request to a deployment, as every part of serving it reads it. */
export type ServeContext = {
  /** The bare repository holding the commit's objects. */
  dir: string;
  commit: string;
  /** The deployment's root as an absolute URL path ending in "/". */
  baseUrl: string;
  /** The deployment's name. */
  title: string;
  /** `?raw=1`: Markdown and notebooks as their files, not rendered. */
  raw: boolean;
  exchange: Exchange;
};
