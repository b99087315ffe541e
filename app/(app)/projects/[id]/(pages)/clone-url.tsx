"use client";

import { useState } from "react";

export function CloneUrl({ url }: { url: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="flex gap-2">
      <input readOnly value={url} aria-label="Clone URL" className="w-full rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs" onFocus={(e) => e.target.select()} />
      <button
        type="button"
        className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
        onClick={async () => {
          await navigator.clipboard?.writeText(url).catch(() => {});
          setCopied(true);
          setTimeout(() => setCopied(false), 2000);
        }}
      >
        {copied ? "Copied" : "Copy"}
      </button>
    </div>
  );
}
