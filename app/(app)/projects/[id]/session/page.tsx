import type { Metadata } from "next";
import { gitUrlOfLocation } from "@/lib/hosts";
import { canWrite, linkedRepositoryOf } from "@/lib/projects";
import { credentialHelpFor } from "@/lib/repositories";
import { SessionWorkspace } from "../../../_session/session-workspace";
import { loadPageProject } from "../_project/load-page-project";

export const metadata: Metadata = { title: "Session" };

/**
 * A project's session: the repository cloned into this browser and worked on
 * there. The server only checks access and hands over where
 * the repository is: /git with the session cookie for the internal server, or,
 * for a project linked to a remote repository, the remote's URL through the
 * same-origin git gateway (/proxy), which adds the credential. Showing the
 * page records nothing: the workspace says when it has opened (openedUrl).
 */
export default async function SessionPage({ params }: { params: Promise<{ id: string }> }) {
  const { user, access } = await loadPageProject(params);
  const { project, owner, role } = access;
  const linked = project.backend === "remote" ? linkedRepositoryOf(project) : null;
  return (
    <SessionWorkspace
      projectId={project.id}
      name={project.name}
      role={role}
      remoteUrl={linked ? (gitUrlOfLocation(linked) ?? "") : `/git/${owner.handle}/${project.name}.git`}
      corsProxy={linked ? "/proxy" : undefined}
      credentialHelp={linked ? credentialHelpFor({ actor: user, repository: linked }) : undefined}
      author={{ name: user.name, email: user.email }}
      canPush={canWrite(role)}
      projectHref={`/projects/${project.id}`}
      openedUrl={`/api/v1/projects/${project.id}/session`}
    />
  );
}
