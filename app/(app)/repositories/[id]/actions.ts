"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActionUser } from "@/lib/auth";
import { actionFailed, keepValues, validationFailed, type ActionState } from "@/lib/http";
import { createProjectSchema, loadProject } from "@/lib/projects";
import { copyRepositoryToProject, importBodySchema, importIntoProject, linkRepositoryToProject, loadRepository } from "@/lib/repositories";

// The repository and project ids come from the browser: each is loaded again
// as the signed-in user's (ownership, and write access for the project).

const optional = (value: FormDataEntryValue | null) => (typeof value === "string" && value.trim() ? value : undefined);

export async function importFilesAction(repositoryId: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const user = await requireActionUser();
    const repository = loadRepository({ id: repositoryId, user });
    const parsed = importBodySchema.safeParse({
      projectId: formData.get("projectId") ?? undefined,
      paths: formData.getAll("paths"),
      ref: optional(formData.get("ref")),
      message: optional(formData.get("message")),
    });
    if (!parsed.success) return keepValues(validationFailed(parsed.error), formData, ["projectId", "message"]);
    const access = loadProject({ id: parsed.data.projectId, user });
    const { commit, files } = await importIntoProject({ repository, access, paths: parsed.data.paths, ref: parsed.data.ref, message: parsed.data.message, user });
    revalidatePath(`/projects/${access.project.id}`);
    return {
      status: "success",
      message: `Imported ${files.length} file${files.length === 1 ? "" : "s"} as commit ${commit.slice(0, 7)} into ${access.project.name}.`,
      data: { projectId: access.project.id, projectName: access.project.name, commit },
    };
  } catch (error) {
    return keepValues(actionFailed(error), formData, ["projectId", "message"]);
  }
}

export async function copyToProjectAction(repositoryId: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const link = formData.get("mode") === "link";
  let projectId: string;
  try {
    const user = await requireActionUser();
    const repository = loadRepository({ id: repositoryId, user });
    const parsed = createProjectSchema.safeParse({ name: formData.get("name") ?? undefined, description: formData.get("description") ?? "" });
    if (!parsed.success) return keepValues(validationFailed(parsed.error), formData, ["name", "description", "mode"]);
    const create = link ? linkRepositoryToProject : copyRepositoryToProject;
    projectId = (await create({ repository, input: parsed.data, user })).id;
  } catch (error) {
    return keepValues(actionFailed(error), formData, ["name", "description", "mode"]);
  }
  revalidatePath("/projects");
  redirect(`/projects/${projectId}`);
}
