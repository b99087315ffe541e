"use client";

import type { WrittenFile } from "@/lib/workspace/kernel";
import { formatSize } from "../format-size";

const button = "rounded border border-slate-300 bg-white px-2 py-0.5 text-xs font-medium text-slate-700 hover:bg-slate-50";

/** Files Python wrote in the kernel, offered for saving into the project (they live only in the kernel until then). */
export function WrittenFiles({ files, readOnly, onSave, onDismiss }: { files: WrittenFile[]; readOnly: boolean; onSave(file: WrittenFile): void; onDismiss(file: WrittenFile): void }) {
  if (!files.length) return null;
  return (
    <section aria-label="Files written by Python" className="border-b border-sky-200 bg-sky-50 px-3 py-1.5 text-xs text-sky-950">
      <p className="font-medium">Python wrote {files.length === 1 ? "a file" : `${files.length} files`}. They are only in the kernel until you save them into the project.</p>
      <ul className="mt-1 space-y-1">
        {files.map((file) => (
          <li key={file.path} className="flex flex-wrap items-center gap-2">
            <span className="font-mono">{file.path}</span>
            <span className="text-sky-800">
              {file.change === "added" ? "new" : "changed"}, {formatSize(file.size)}
            </span>
            {!readOnly && (
              <button type="button" className={button} onClick={() => onSave(file)} aria-label={`Save ${file.path} to the project`}>
                Save to project
              </button>
            )}
            <button type="button" className={button} onClick={() => onDismiss(file)} aria-label={`Dismiss ${file.path}`}>
              Dismiss
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
