"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const SECTIONS = [
  { href: "/admin", label: "Overview" },
  { href: "/admin/users", label: "Users" },
  { href: "/admin/oauth-apps", label: "OAuth apps" },
  { href: "/admin/version-control", label: "Version control" },
  { href: "/admin/projects", label: "Projects" },
  { href: "/admin/moves", label: "Moves" },
  { href: "/admin/notebooks", label: "Notebooks" },
  { href: "/admin/deployments", label: "Deployments" },
  { href: "/admin/large-files", label: "Large files" },
];

/** The admin console's sections; a row of links on a narrow screen, a column beside the page on a wide one. */
export function AdminNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Admin" className="shrink-0 md:w-48">
      <ul className="flex flex-wrap gap-2 text-sm md:flex-col md:gap-1">
        {SECTIONS.map((section) => {
          const current = pathname === section.href;
          return (
            <li key={section.href}>
              <Link
                href={section.href}
                aria-current={current ? "page" : undefined}
                className={`block rounded-md px-3 py-1.5 ${current ? "bg-indigo-50 font-medium text-indigo-700" : "text-slate-700 hover:bg-slate-100"}`}
              >
                {section.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
