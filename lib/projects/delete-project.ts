import { deleteProjectAuditEvents, deleteProjectRow, deleteRetiredRepository, insertRetiredRepository, runInTransaction, setRetiredRepositoryMessage, type User } from "../db";
import { recordEvent } from "../audit";
import { removeRepository } from "../git-server";
import { HostError } from "../hosts";
import { assertCanManage, type ProjectAccess } from "./access";
import { remoteOf } from "./project-remote";
import { removeHostRepository } from "./remove-host-repository";

/**
 * What became of an external project's repository at its host: deleted or
 * archived there as its backend says, or kept (the host could not be reached
 * or refused) with the reason, listed in the admin console until an
 * administrator removes it. null for projects elsewhere.
 */
export type HostRepositoryOutcome = { host: string; name: string } & ({ status: "deleted" | "archived" } | { status: "kept"; message: string });

// What the kept row says until the host answers: if it stays, the server stopped before the host did.
const KEPT_WHILE_DELETING = "Benchtop asked the host to remove this repository and did not hear back (the server may have stopped before the host answered).";

/**
 * Deletes a project (owner or admin). Its repository goes with it: on the
 * internal git server at once; at an organization's host, deleted or archived
 * as the backend says; a host that cannot do it now does not keep the project:
 * its repository is listed to be removed by an administrator. Nothing Benchtop
 * kept about the project stays but the record of its deletion (project.deleted,
 * in the admin audit trail): its earlier events go with it, in the same
 * transaction as its row.
 */
export async function deleteProject({ access, actor }: { access: ProjectAccess; actor: User }): Promise<{ hostRepository: HostRepositoryOutcome | null }> {
  assertCanManage(access);
  const { project, owner } = access;
  const remote = project.backend === "external" ? remoteOf(project) : null;
  const external = remote?.kind === "external" && project.remoteName ? { backend: remote.backend, name: project.remoteName } : null;

  // The row that remembers the host repository is written with the deletion, so
  // that a server stopped before the host answers still leaves it listed.
  const retired = runInTransaction(() => {
    deleteProjectRow({ id: project.id });
    deleteProjectAuditEvents({ projectId: project.id });
    return external
      ? insertRetiredRepository({ projectId: project.id, projectName: project.name, location: "external", path: external.name, vcsBackendId: external.backend.id, reason: "delete_failed", message: KEPT_WHILE_DELETING })
      : null;
  });

  let hostRepository: HostRepositoryOutcome | null = null;
  if (project.backend === "internal") await removeRepository({ projectId: project.id });
  if (external && retired) {
    const where = { host: external.backend.credentialHostname, name: external.name };
    try {
      const done = await removeHostRepository(external);
      deleteRetiredRepository({ id: retired.id });
      hostRepository = { ...where, status: done === "archived" ? "archived" : "deleted" };
    } catch (error) {
      // The host's words are written for people; anything else stays in the log.
      const reason = error instanceof HostError ? error.message : `Benchtop could not ask ${where.host} (the server log says why).`;
      console.error(`[benchtop] deleting project ${project.id}: its repository ${external.name} at ${where.host} stays for an administrator to remove:`, error instanceof Error ? error.message : error);
      setRetiredRepositoryMessage({ id: retired.id, message: reason });
      hostRepository = { ...where, status: "kept", message: keptMessage({ ...where, reason }) };
    }
  }
  recordEvent({
    action: "project.deleted",
    actor,
    project,
    detail: { name: project.name, owner: owner.handle, ...(hostRepository ? { hostRepository: { name: hostRepository.name, host: hostRepository.host, status: hostRepository.status } } : {}) },
  });
  return { hostRepository };
}

/** What the user is told when the repository stays at the host. */
function keptMessage({ host, name, reason }: { host: string; name: string; reason: string }): string {
  return `The project was deleted in Benchtop, but its repository ${name} at ${host} is still there: ${reason} An administrator will remove it (Admin → Projects, "Repositories to remove").`;
}
