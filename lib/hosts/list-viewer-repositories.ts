import { accountsOf } from "./accounts";
import type { ListViewerRepositoriesOptions, ViewerRepository } from "./types";

export type { ViewerRepository } from "./types";

/** The repositories a connected account can reach, for the "Repository" field's autocomplete (GitHub and GitLab; the provider's own lookup). */
export function listViewerRepositories(options: ListViewerRepositoriesOptions): Promise<ViewerRepository[]> {
  return accountsOf(options.provider).listViewerRepositories(options);
}
