import Link from "next/link";
import { StatusBar } from "./status-bar";
import type { StatusMessage } from "./use-status";

/** The session's top bar: project, branch, status, Pull and Push (controls are passed in once the copy is open). */
export function SessionHeader({ name, projectHref, status, left, right }: { name: string; projectHref: string; status: StatusMessage | null; left?: React.ReactNode; right?: React.ReactNode }) {
  return (
    <header className="flex h-14 shrink-0 items-center gap-3 border-b border-slate-200 bg-white px-4">
      <div className="flex min-w-0 shrink-0 items-center gap-3">
        <h1 className="max-w-64 truncate text-base font-semibold">
          <Link href={projectHref} className="hover:underline" title="Project page">
            {name}
          </Link>
        </h1>
        {left}
      </div>
      <StatusBar status={status} />
      <div className="flex shrink-0 items-center gap-2">{right}</div>
    </header>
  );
}
