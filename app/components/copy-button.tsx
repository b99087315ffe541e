"use client";

import { useState } from "react";

/** Copies `text` to the clipboard and says "Copied" for two seconds. */
export function CopyButton({ text, label, className }: { text: string; label?: string; className: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      aria-label={label}
      className={className}
      onClick={async () => {
        await navigator.clipboard?.writeText(text).catch(() => {});
        setCopied(true);
        setTimeout(() => setCopied(false), 2000);
      }}
    >
      {copied ? "Copied" : "Copy"}
    </button>
  );
}
