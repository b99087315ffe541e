import type { Metadata } from "next";
import { gitUrlOfLocation } from "@/lib/hosts";
import { canWrite, remoteOf } from "@/lib/projects";
import { getKernelSettings } from "@/lib/pyodide";
import { credentialHelpFor } from "@/lib/repositories";
import { SessionWorkspace } from "../../../_session/session-workspace";
import { ViewerBanner } from "../../../_session/viewer-banner";
import { loadPageProject } from "../_project/load-page-project";
import { copyProjectAction } from "./actions";

export const metadata: Metadata = { title: "Session" };

/**
 * A project's session: the repository cloned into this browser and worked on
 * there. The server only checks access and hands over where
 * the repository is: /git with the session cookie for the internal server, or,
 * for a project whose repository lives on a git host (linked, or in the
 * organization of an external backend), the host's URL through the
 * same-origin git gateway (/proxy), which adds the user's credential. Showing the
 * page records nothing: the workspace says when it has opened (openedUrl).
 * A viewer's session is read-only from the first paint: no commit, push or
 * editing, and a banner offering download and a copy of their own instead.
 */
export default async function SessionPage({ params }: { params: Promise<{ id: string }> }) {
  const { user, access } = await loadPageProject(params);
  const { project, owner, role } = access;
  const remote = remoteOf(project);
  const canPush = canWrite(role);
  return (
    <SessionWorkspace
      projectId={project.id}
      name={project.name}
      role={role}
      remoteUrl={remote ? (gitUrlOfLocation(remote) ?? "") : `/git/${owner.handle}/${project.name}.git`}
      corsProxy={remote ? "/proxy" : undefined}
      credentialHelp={remote ? credentialHelpFor({ actor: user, remote }) : undefined}
      author={{ name: user.name, email: user.email }}
      canPush={canPush}
      projectHref={`/projects/${project.id}`}
      openedUrl={`/api/v1/projects/${project.id}/session`}
      kernelSettings={getKernelSettings()}
      defaultEditor={project.defaultEditor}
      banner={
        canPush ? undefined : (
          <ViewerBanner name={project.name} downloadHref={`/api/v1/projects/${project.id}/archive?format=zip`} copyAction={copyProjectAction.bind(null, project.id)} />
        )
      }
    />
  );
}
