"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export type ProjectMenuItem = { label: string; href: string };

/**
 * The project's own pages: a column on the left on wide screens, a row of tabs
 * that wrap on narrow ones, every page in sight. Only the pages the caller may use are given.
 */
export function ProjectMenu({ items }: { items: ProjectMenuItem[] }) {
  const pathname = usePathname();
  // The longest matching href wins, so Overview (the project's root) is current only on its own page.
  const current = items.filter((item) => pathname === item.href || pathname.startsWith(`${item.href}/`)).sort((a, b) => b.href.length - a.href.length)[0];
  return (
    <nav aria-label="Project" className="mb-6 border-b border-slate-200 md:mb-0 md:w-44 md:shrink-0 md:border-b-0">
      <ul className="flex flex-wrap gap-x-1 md:flex-col">
        {items.map((item) => {
          const active = item === current;
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={`block whitespace-nowrap border-b-2 px-3 py-2 text-sm md:rounded-md md:border-b-0 ${
                  active ? "border-indigo-600 font-semibold text-indigo-700 md:bg-indigo-50" : "border-transparent text-slate-700 hover:text-slate-900 md:hover:bg-slate-100"
                }`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
