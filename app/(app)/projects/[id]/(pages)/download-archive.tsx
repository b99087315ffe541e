"use client";

import { useId, useState } from "react";

type Props = { projectId: string; branches: string[]; defaultBranch: string };

/** What the server would refuse at once, said before the download starts (the server checks the rest). */
function refProblem(ref: string): string | null {
  if (ref.startsWith("-")) return "A tag or commit cannot start with '-'.";
  if (/[\s~^:?*[\\]|\.\.|@\{/.test(ref)) return "Use a tag name or a commit id as git shows it (no spaces or ~ ^ : ? * [ \\).";
  return null;
}

/**
 * Download: the project's files at a branch, tag or commit as a zip or
 * tar.gz, or with full history the whole repository with .git (which Upload
 * project takes back). A plain GET of the archive endpoint: the browser saves
 * what it answers, and the session cookie is all it needs.
 */
export function DownloadArchive({ projectId, branches, defaultBranch }: Props) {
  const id = useId();
  const [branch, setBranch] = useState(defaultBranch);
  const [other, setOther] = useState("");
  const ref = other.trim() || branch;
  const problem = refProblem(other.trim());
  const choices = branches.includes(defaultBranch) ? branches : [defaultBranch, ...branches];

  return (
    <form method="get" action={`/api/v1/projects/${projectId}/archive`} aria-label="Download" className="space-y-3">
      <input type="hidden" name="ref" value={ref} />
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor={`${id}-branch`} className="block text-xs font-medium text-slate-700">
            Branch
          </label>
          <select id={`${id}-branch`} value={branch} onChange={(e) => setBranch(e.target.value)} disabled={other.trim() !== ""} className="mt-1 rounded-md border border-slate-300 px-2 py-1.5 text-sm disabled:bg-slate-50">
            {choices.map((b) => (
              <option key={b}>{b}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-other`} className="block text-xs font-medium text-slate-700">
            or a tag or commit
          </label>
          <input
            id={`${id}-other`}
            value={other}
            onChange={(e) => setOther(e.target.value)}
            placeholder="v1.0 or 3f2a9c1"
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${id}-problem` : undefined}
            className="mt-1 w-44 rounded-md border border-slate-300 px-2 py-1.5 font-mono text-sm"
          />
        </div>
        <fieldset className="flex items-center gap-3 text-sm">
          <legend className="sr-only">Format</legend>
          {(["zip", "tar.gz"] as const).map((format) => (
            <label key={format} className="flex items-center gap-1">
              <input type="radio" name="format" value={format} defaultChecked={format === "zip"} />
              {format}
            </label>
          ))}
        </fieldset>
        <label className="flex items-center gap-1 text-sm">
          <input type="checkbox" name="history" value="true" />
          with full history
        </label>
        <button type="submit" disabled={problem !== null} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-50">
          Download
        </button>
      </div>
      {problem ? (
        <p id={`${id}-problem`} className="text-xs text-red-600">
          {problem}
        </p>
      ) : (
        <p className="text-xs text-slate-500">
          The files of {ref}; with full history, the whole repository with its .git folder (every branch and tag), which Upload project takes back.
        </p>
      )}
    </form>
  );
}
