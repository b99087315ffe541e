import type { WorkspaceContext } from "../context";

/**
 * The Git LFS API of the session's remote, always on Benchtop's own origin:
 * the internal git server answers beside the clone URL (`{clone URL}/info/lfs`),
 * and a remote host is reached through the git gateway
 * (`{gateway}/{host}/{repository}.git/info/lfs`, git-lfs's server discovery),
 * which relays the transfers too. No host or storage URL is ever asked directly.
 */
export function lfsEndpoint(ctx: Pick<WorkspaceContext, "url" | "corsProxy">): string {
  const remote = new URL(ctx.url);
  const path = remote.pathname.replace(/\/+$/, "");
  const withGit = /\.git$/i.test(path) ? path : `${path}.git`;
  if (ctx.corsProxy) return `${ctx.corsProxy.replace(/\/+$/, "")}/${remote.host}${withGit}/info/lfs`;
  return `${remote.origin}${withGit}/info/lfs`;
}
