import Link from "next/link";
import { requirePageUser, signOut } from "@/lib/auth";
import { countUnread } from "@/lib/notifications";
import { NotificationBell } from "./_notifications/notification-bell";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser();
  const unread = countUnread({ user });
  async function signOutAction() {
    "use server";
    await signOut({ redirectTo: "/login" });
  }
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <nav aria-label="Main" className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-2 whitespace-nowrap px-4 py-3 text-sm">
          <Link href="/projects" className="text-base font-bold tracking-tight text-indigo-700">
            Benchtop
          </Link>
          <Link href="/projects" className="text-slate-700 hover:text-slate-900">
            Projects
          </Link>
          <Link href="/repositories" className="text-slate-700 hover:text-slate-900">
            Repositories
          </Link>
          <Link href="/settings/account" className="text-slate-700 hover:text-slate-900">
            Account
          </Link>
          <Link href="/settings/tokens" className="text-slate-700 hover:text-slate-900">
            Access tokens
          </Link>
          <Link href="/settings/connections" className="text-slate-700 hover:text-slate-900">
            Connections
          </Link>
          {user.role === "admin" && (
            <Link href="/admin" className="text-slate-700 hover:text-slate-900">
              Admin
            </Link>
          )}
          {/* Keyed by the server's count, so that a page the server renders again (after marking read) shows its count. */}
          <span className="ml-auto">
            <NotificationBell key={unread} initialUnread={unread} />
          </span>
          <span className="text-slate-500" title={user.email}>
            <span className="hidden sm:inline">{user.name} </span>
            <span className="text-slate-400">@{user.handle}</span>
          </span>
          <form action={signOutAction}>
            <button type="submit" className="text-slate-700 hover:text-slate-900">
              Sign out
            </button>
          </form>
        </nav>
      </header>
      <main>{children}</main>
    </div>
  );
}
