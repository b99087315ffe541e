"use client";

import { TypeNameToDeleteForm } from "@/app/components/type-name-to-delete-form";
import { deleteProjectAction } from "../../_project/actions";

/** `hostRepository`: the git host of an external project's repository, which is deleted or archived there too. */
export function DeleteProjectForm({ projectId, name, hostRepository }: { projectId: string; name: string; hostRepository: string | null }) {
  return (
    <TypeNameToDeleteForm action={deleteProjectAction.bind(null, projectId)} name={name} submitLabel="Delete project">
      This deletes the repository and everything Benchtop keeps about the project; it cannot be undone. Everyone loses access at once, and its clone URL stops working.
      {hostRepository && <> The repository at {hostRepository} is deleted or archived there, as the administrator chose.</>}
    </TypeNameToDeleteForm>
  );
}
