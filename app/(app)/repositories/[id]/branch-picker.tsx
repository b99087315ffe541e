"use client";

import { useRouter } from "next/navigation";

/** Switches the browsed branch; the listing starts again at the top folder. */
export function BranchPicker({ repositoryId, branches, current }: { repositoryId: string; branches: string[]; current: string }) {
  const router = useRouter();
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="font-medium text-slate-700">Branch</span>
      <select
        value={current}
        onChange={(e) => router.push(`/repositories/${repositoryId}?ref=${encodeURIComponent(e.target.value)}`)}
        className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
      >
        {branches.map((b) => (
          <option key={b} value={b}>
            {b}
          </option>
        ))}
      </select>
    </label>
  );
}
