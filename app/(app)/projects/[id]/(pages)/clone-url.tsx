"use client";

import { CopyButton } from "@/app/components/copy-button";

export function CloneUrl({ url }: { url: string }) {
  return (
    <div className="flex gap-2">
      <input readOnly value={url} aria-label="Clone URL" className="w-full rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs" onFocus={(e) => e.target.select()} />
      <CopyButton text={url} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm" />
    </div>
  );
}
