import type { Metadata } from "next";
import { recordEvent } from "@/lib/audit";
import { canWrite } from "@/lib/projects";
import { loadPageProject } from "../load-page-project";
import { SessionWorkspace } from "./session-workspace";

export const metadata: Metadata = { title: "Session" };

/**
 * A project's session: the repository cloned into this browser and worked on
 * there. The server only checks access, records the visit and hands over where
 * the repository is; git traffic then goes to /git with the session cookie.
 */
export default async function SessionPage({ params }: { params: Promise<{ id: string }> }) {
  const { user, access } = await loadPageProject(params);
  const { project, owner, role } = access;
  recordEvent({ action: "session.opened", actor: user, project, detail: { role } });
  return (
    <SessionWorkspace
      projectId={project.id}
      name={project.name}
      role={role}
      remoteUrl={`/git/${owner.handle}/${project.name}.git`}
      author={{ name: user.name, email: user.email }}
      canPush={canWrite(role)}
      projectHref={`/projects/${project.id}`}
    />
  );
}
