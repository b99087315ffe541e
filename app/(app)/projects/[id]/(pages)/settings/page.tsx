import type { Metadata } from "next";
import { backendOf, canManage, canWrite } from "@/lib/projects";
import { listProjectBranches } from "@/lib/repositories";
import { loadPageProject } from "../../_project/load-page-project";
import { Section } from "../../_project/section";
import { DeleteProjectForm } from "./delete-project-form";
import { SettingsForm } from "./settings-form";

export const metadata: Metadata = { title: "Settings" };

/** Name, description, default branch and default editor for editors; the danger zone only for the owner and admins. */
export default async function ProjectSettingsPage({ params }: { params: Promise<{ id: string }> }) {
  const { user, access } = await loadPageProject(params);
  const { project, role } = access;
  if (!canWrite(role)) {
    return (
      <Section title="Settings">
        <p className="text-sm text-slate-600">You are a viewer of this project: only its editors, its owner and administrators change its settings.</p>
      </Section>
    );
  }
  // A project on a git host has the host's branches; a host that cannot answer now only empties the branch choice.
  const branches = await listProjectBranches({ actor: user, project }).catch(() => []);
  return (
    <>
      <Section title="Settings">
        <SettingsForm
          projectId={project.id}
          name={project.name}
          description={project.description}
          defaultBranch={project.defaultBranch}
          branches={branches.map((b) => b.name)}
          defaultEditor={project.defaultEditor}
        />
      </Section>
      {canManage(role) && (
        <Section title="Danger zone" tone="danger">
          <DeleteProjectForm projectId={project.id} name={project.name} hostRepository={project.backend === "external" ? backendOf(project).host : null} />
        </Section>
      )}
    </>
  );
}
