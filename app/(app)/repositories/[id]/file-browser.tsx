"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { Field } from "@/app/components/field";
import { FormMessage } from "@/app/components/form-message";
import { SubmitButton } from "@/app/components/submit-button";
import type { ActionState } from "@/lib/http/action-state";
import type { RemoteFile } from "@/lib/hosts/types";
import { importFilesAction } from "./actions";
import { folderHref } from "./folder-href";

export type WritableProject = { id: string; name: string; owner: string };

const baseName = (path: string) => path.slice(path.lastIndexOf("/") + 1);

function formatSize(size: number | null): string {
  if (size === null) return "";
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / (1024 * 1024)).toFixed(1)} MB`;
}

type Props = { repositoryId: string; files: RemoteFile[]; gitRef: string | null; projects: WritableProject[] };

/** The listing of one folder with checkboxes, and the import form for what is checked (in any folder). */
export function FileBrowser({ repositoryId, files, gitRef, projects }: Props) {
  const [selected, setSelected] = useState<string[]>([]);
  const [state, action] = useActionState<ActionState, FormData>(importFilesAction.bind(null, repositoryId), { status: "idle" });
  const toggle = (path: string, on: boolean) => setSelected((s) => (on ? [...s, path] : s.filter((p) => p !== path)));

  return (
    <div className="grid gap-6 md:grid-cols-[1fr_18rem]">
      <div>
        {files.length === 0 ? (
          <p className="rounded-md border border-dashed border-slate-300 p-6 text-sm text-slate-600">This folder is empty.</p>
        ) : (
          <table className="w-full overflow-hidden rounded-md border border-slate-200 bg-white text-sm">
            <caption className="sr-only">Files</caption>
            <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500">
              <tr>
                <th className="w-10 px-3 py-2">
                  <span className="sr-only">Select</span>
                </th>
                <th className="px-3 py-2">Name</th>
                <th className="px-3 py-2 text-right">Size</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {files.map((file) => (
                <tr key={file.path}>
                  <td className="px-3 py-2">
                    <input type="checkbox" aria-label={`Select ${baseName(file.path)}`} checked={selected.includes(file.path)} onChange={(e) => toggle(file.path, e.target.checked)} />
                  </td>
                  <td className="px-3 py-2">
                    {file.type === "dir" ? (
                      <Link href={folderHref(repositoryId, gitRef, file.path)} className="font-medium text-indigo-700 hover:underline">
                        {baseName(file.path)}/
                      </Link>
                    ) : (
                      <span className="font-mono text-slate-800">{baseName(file.path)}</span>
                    )}
                  </td>
                  <td className="px-3 py-2 text-right text-slate-500">{file.type === "dir" ? "folder" : formatSize(file.size)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <form action={action} aria-labelledby="import-heading" className="h-fit space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="import-heading" className="text-base font-semibold">
          Import into project
        </h2>
        {state.status === "success" && state.data ? (
          <div role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">
            {state.message}{" "}
            <Link href={`/projects/${state.data.projectId}`} className="font-medium underline">
              Open {state.data.projectName}
            </Link>
          </div>
        ) : (
          <FormMessage state={state} />
        )}
        <p className="text-sm text-slate-600">
          {selected.length === 0 ? "Check files or folders to import; folders bring everything inside them." : `Selected: ${selected.join(", ")}`}
        </p>
        {selected.map((path) => (
          <input key={path} type="hidden" name="paths" value={path} />
        ))}
        {gitRef && <input type="hidden" name="ref" value={gitRef} />}
        {state.fieldErrors?.paths && <p className="text-xs text-red-600">{state.fieldErrors.paths}</p>}
        {projects.length === 0 ? (
          <p className="text-sm text-slate-600">
            You have no project you can write to. <Link href="/projects" className="text-indigo-700 underline">Create one</Link> first.
          </p>
        ) : (
          <div>
            <label htmlFor="field-projectId" className="block text-sm font-medium text-slate-700">
              Project
            </label>
            <select id="field-projectId" name="projectId" defaultValue={state.values?.projectId ?? ""} className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-2 text-sm">
              <option value="" disabled>
                Choose a project
              </option>
              {projects.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.owner}/{p.name}
                </option>
              ))}
            </select>
            {state.fieldErrors?.projectId && <p className="mt-1 text-xs text-red-600">{state.fieldErrors.projectId}</p>}
          </div>
        )}
        <Field label="Commit message" name="message" defaultValue={state.values?.message} hint="Optional. Without one, the message names the source." multiline />
        <SubmitButton disabled={selected.length === 0 || projects.length === 0}>Import into project</SubmitButton>
      </form>
    </div>
  );
}
