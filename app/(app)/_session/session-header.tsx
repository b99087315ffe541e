import Link from "next/link";
import { StatusBar } from "./status-bar";
import type { StatusMessage } from "./use-status";

/**
 * The session's top bar: project, branch, status, Pull and Push (controls are
 * passed in once the copy is open). On a narrow screen it wraps: Pull and Push
 * on their own row, the status under them, so neither widens the page.
 */
export function SessionHeader({ name, projectHref, status, left, right }: { name: string; projectHref: string; status: StatusMessage | null; left?: React.ReactNode; right?: React.ReactNode }) {
  return (
    <header className="flex shrink-0 flex-wrap items-center gap-x-3 gap-y-1.5 border-b border-slate-200 bg-white px-3 py-2 md:h-14 md:flex-nowrap md:px-4 md:py-0">
      <div className="flex min-w-0 items-center gap-3 md:shrink-0">
        <h1 className="min-w-0 max-w-40 truncate text-base font-semibold sm:max-w-64">
          <Link href={projectHref} className="hover:underline" title={`${name}: project page`}>
            {name}
          </Link>
        </h1>
        {left}
      </div>
      <StatusBar status={status} className="order-last basis-full md:order-none md:basis-auto" />
      <div className="ml-auto flex shrink-0 items-center gap-2">{right}</div>
    </header>
  );
}
