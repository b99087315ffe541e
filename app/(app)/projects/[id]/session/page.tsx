import type { Metadata } from "next";
import { recordEvent } from "@/lib/audit";
import { canWrite, linkedRepositoryOf } from "@/lib/projects";
import { gitUrlOfRepository } from "@/lib/repositories/git-url";
import { credentialHelpFor } from "../../../repositories/[id]/session/credential-help-for";
import { loadPageProject } from "../load-page-project";
import { SessionWorkspace } from "./session-workspace";

export const metadata: Metadata = { title: "Session" };

/**
 * A project's session: the repository cloned into this browser and worked on
 * there. The server only checks access, records the visit and hands over where
 * the repository is: /git with the session cookie for the internal server, or,
 * for a project linked to a remote repository, the remote's URL through the
 * same-origin git gateway (/proxy), which adds the credential.
 */
export default async function SessionPage({ params }: { params: Promise<{ id: string }> }) {
  const { user, access } = await loadPageProject(params);
  const { project, owner, role } = access;
  const linked = project.backend === "remote" ? linkedRepositoryOf(project) : null;
  recordEvent({ action: "session.opened", actor: user, project, detail: { role, ...(linked ? { repositoryId: linked.id } : {}) } });
  return (
    <SessionWorkspace
      projectId={project.id}
      name={project.name}
      role={role}
      remoteUrl={linked ? (gitUrlOfRepository(linked) ?? "") : `/git/${owner.handle}/${project.name}.git`}
      corsProxy={linked ? "/proxy" : undefined}
      credentialHelp={linked ? credentialHelpFor(linked, { viewerOwnsRepository: linked.ownerId === user.id }) : undefined}
      author={{ name: user.name, email: user.email }}
      canPush={canWrite(role)}
      projectHref={`/projects/${project.id}`}
    />
  );
}
