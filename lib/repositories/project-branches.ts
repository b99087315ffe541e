import type { Project, User } from "../db";
import { listBranches } from "../git-server";
import type { RemoteBranch } from "../hosts";
import { remoteOf } from "../projects";
import { listRemoteBranches } from "./browse";

/** A project's branches, wherever its repository lives: Benchtop's git server, or its host (read with the caller's credential there). */
export async function listProjectBranches({ actor, project }: { actor: Pick<User, "id">; project: Project }): Promise<RemoteBranch[]> {
  const remote = remoteOf(project);
  return remote ? listRemoteBranches({ actor, remote }) : listBranches({ projectId: project.id });
}
