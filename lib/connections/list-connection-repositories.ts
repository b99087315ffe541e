import type { User } from "../db";
import { AppError } from "../errors";
import { listViewerRepositories, type ViewerRepository } from "../hosts/list-viewer-repositories";
import { tokenTypeOf } from "./token-type";
import { freshConnectionToken } from "./fresh-token";
import { resolveHost } from "./host";
import { loadConnection } from "./list-connections";

/** The repositories the account of one of the caller's connections can reach (for the Repository autocomplete). */
export async function listConnectionRepositories({ user, id, search }: { user: User; id: string; search?: string }): Promise<ViewerRepository[]> {
  const connection = loadConnection({ id, user });
  if (!/^(github|gitlab)/.test(connection.provider)) {
    throw new AppError("invalid_input", "Listing your repositories works for GitHub and GitLab connections. Give the repository's address instead.");
  }
  const { apiRoot } = resolveHost({ provider: connection.provider, host: connection.host });
  const token = await freshConnectionToken(connection);
  return listViewerRepositories({ provider: connection.provider, apiRoot, token, tokenType: tokenTypeOf(connection), search });
}
