import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { recordEvent } from "@/lib/audit";
import { requirePageUser } from "@/lib/auth";
import { isAppError } from "@/lib/errors";
import { canWrite, loadProject, type ProjectAccess } from "@/lib/projects";
import { SessionWorkspace } from "./session-workspace";

export const metadata: Metadata = { title: "Session" };

/**
 * A project's session: the repository cloned into this browser and worked on
 * there. The server only checks access, records the visit and hands over where
 * the repository is; git traffic then goes to /git with the session cookie.
 */
export default async function SessionPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  const { id } = await params;
  let access: ProjectAccess;
  try {
    access = loadProject({ id, user });
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
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
