import { accountsOf } from "./accounts";
import type { GetViewerOptions, Viewer } from "./types";

export type { GetViewerOptions, Viewer } from "./types";

/** The account a token belongs to at a host, with its scopes and expiry as the host reports them (the provider's own lookup). */
export function getViewer(options: GetViewerOptions): Promise<Viewer> {
  return accountsOf(options.provider).getViewer(options);
}
