import type { VcsBackendRow } from "../db";
import { HostError } from "../hosts";
import { organizationHostOfRow } from "../vcs";

/**
 * Deletes or archives a repository in an organization, as its backend's
 * onDelete says. A repository the host no longer has counts as done ("gone"):
 * deleting twice, or after someone removed it by hand, is not a failure.
 * Throws the host's HostError otherwise.
 */
export async function removeHostRepository({ backend, name }: { backend: VcsBackendRow; name: string }): Promise<"deleted" | "archived" | "gone"> {
  const host = organizationHostOfRow(backend);
  try {
    if (backend.onDelete === "archive") {
      await host.archiveRepository({ name });
      return "archived";
    }
    await host.deleteRepository({ name });
    return "deleted";
  } catch (error) {
    if (error instanceof HostError && error.code === "not_found") return "gone";
    throw error;
  }
}
