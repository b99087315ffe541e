import type { Metadata } from "next";
import { backendOf, canManage, listCollaborators } from "@/lib/projects";
import { loadPageProject } from "../../_project/load-page-project";
import { Section } from "../../_project/section";
import { CollaboratorsPanel } from "./collaborators-panel";

export const metadata: Metadata = { title: "Share" };

/** Who works on the project and as what; the owner and admins add, change, remove and hand over. */
export default async function ProjectSharePage({ params }: { params: Promise<{ id: string }> }) {
  const { access } = await loadPageProject(params);
  const { project, owner, role } = access;
  const collaborators = await listCollaborators({ access });
  return (
    <Section title="Share">
      <p className="mb-4 text-sm text-slate-600">
        Owned by <span className="break-all">{owner.email}</span>. Viewers can open sessions, browse and download; editors can also push and change settings.
        {!canManage(role) && " Only the owner or an administrator can change who works on this project."}
      </p>
      <CollaboratorsPanel projectId={project.id} collaborators={collaborators} canManage={canManage(role)} host={project.backend === "external" ? backendOf(project).host : null} />
    </Section>
  );
}
