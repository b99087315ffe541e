"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Field } from "@/app/components/field";

type Created = { id: string; name: string; warnings?: string[] };
type Phase =
  | { kind: "idle" }
  | { kind: "uploading"; loaded: number; total: number }
  | { kind: "creating" }
  | { kind: "failed"; message: string; fields: Record<string, string> }
  | { kind: "created"; project: Created };

const MB = 1024 * 1024;
const megabytes = (bytes: number) => `${(bytes / MB).toFixed(bytes < 10 * MB ? 1 : 0)} MB`;

/** The API's answer as JSON, or null when it is none (a proxy's error page, a broken connection). */
function parseAnswer(text: string): { error?: { message?: string; fields?: Record<string, string> } } & Partial<Created> {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}

/**
 * Sends the form to POST /api/v1/projects/import with XMLHttpRequest, whose
 * upload progress fetch() does not report: a progress bar while the file
 * goes up, then "Creating project..." while the server extracts it. The form
 * keeps what was typed and chosen when the server refuses, with its message.
 */
export function UploadProjectForm({ maxBytes, maxLabel }: { maxBytes: number; maxLabel: string }) {
  const router = useRouter();
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const busy = phase.kind === "uploading" || phase.kind === "creating";
  const fields = phase.kind === "failed" ? phase.fields : {};

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The name goes before the file in the form, so the server can refuse a taken name before the upload.
    const data = new FormData(event.currentTarget);
    const file = data.get("file");
    if (!(file instanceof File) || file.name === "") {
      return setPhase({ kind: "failed", message: "Choose a .zip, .tar.gz or .tgz file to upload.", fields: { file: "Choose a file." } });
    }
    if (file.size > maxBytes) {
      return setPhase({ kind: "failed", message: `The file is larger than ${maxLabel}, the most an upload may be. Upload a smaller archive, or push the project with git.`, fields: { file: `Larger than ${maxLabel}.` } });
    }
    const request = new XMLHttpRequest();
    request.open("POST", "/api/v1/projects/import");
    request.upload.onprogress = (progress) => setPhase({ kind: "uploading", loaded: progress.loaded, total: progress.lengthComputable ? progress.total : file.size });
    request.upload.onload = () => setPhase({ kind: "creating" });
    request.onload = () => {
      const answer = parseAnswer(request.responseText);
      if (request.status === 201 && answer.id) {
        const project = { id: answer.id, name: answer.name ?? "", warnings: answer.warnings };
        if (project.warnings?.length) return setPhase({ kind: "created", project });
        return router.push(`/projects/${project.id}`);
      }
      setPhase({
        kind: "failed",
        message: answer.error?.message ?? `The server could not create the project (HTTP ${request.status}). Try again; if it keeps failing, tell an administrator.`,
        fields: answer.error?.fields ?? {},
      });
    };
    request.onerror = () => setPhase({ kind: "failed", message: "The upload broke off: the connection to Benchtop was lost. Check your connection and try again.", fields: {} });
    setPhase({ kind: "uploading", loaded: 0, total: file.size });
    request.send(data);
  }

  if (phase.kind === "created") {
    return (
      <div className="space-y-3 text-sm">
        <p role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-green-800">
          The project {phase.project.name} was created. Read the warnings below before you work on it.
        </p>
        <ul aria-label="Warnings" className="list-disc space-y-1 pl-5 text-amber-900">
          {phase.project.warnings?.map((warning) => (
            <li key={warning} className="break-words">
              {warning}
            </li>
          ))}
        </ul>
        <Link href={`/projects/${phase.project.id}`} className="inline-block rounded-md bg-indigo-600 px-3 py-2 font-semibold text-white hover:bg-indigo-500">
          Open the project
        </Link>
      </div>
    );
  }

  return (
    <form onSubmit={submit} className="space-y-4" aria-label="Upload project">
      {phase.kind === "failed" && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {phase.message}
        </p>
      )}
      <Field label="Project name" name="name" required error={fields.name} hint="Letters, digits, '.', '-' and '_'; up to 100 characters." />
      <Field label="Description" name="description" multiline error={fields.description} />
      <div>
        <label htmlFor="field-file" className="block text-sm font-medium text-slate-700">
          Archive
        </label>
        <input
          id="field-file"
          name="file"
          type="file"
          required
          accept=".zip,.tar.gz,.tgz,application/zip,application/gzip"
          aria-invalid={fields.file ? true : undefined}
          aria-describedby="field-file-hint"
          className="mt-1 block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm"
        />
        <p id="field-file-hint" className="mt-1 text-xs text-slate-500">
          A .zip, .tar.gz or .tgz file of up to {maxLabel}.
        </p>
        {fields.file && <p className="mt-1 text-xs text-red-600">{fields.file}</p>}
      </div>
      {phase.kind === "uploading" && (
        <div role="status" className="space-y-1 text-sm text-slate-700">
          <progress aria-label="Upload progress" value={phase.loaded} max={phase.total || 1} className="h-2 w-full" />
          <p>
            Uploading: {megabytes(phase.loaded)} of {megabytes(phase.total)} ({phase.total ? Math.floor((phase.loaded / phase.total) * 100) : 0}%)
          </p>
        </div>
      )}
      {phase.kind === "creating" && (
        <p role="status" className="text-sm text-slate-700">
          Creating project... (the archive is being checked and extracted)
        </p>
      )}
      <button type="submit" disabled={busy} aria-disabled={busy} className="rounded-md bg-indigo-600 px-3 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500 disabled:bg-indigo-300">
        Upload project
      </button>
    </form>
  );
}
