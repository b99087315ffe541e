import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/app/components/action-button";
import { UtcTime } from "@/app/components/utc-time";
import { requirePageUser } from "@/lib/auth";
import { listNotifications } from "@/lib/notifications";
import { markAllReadAction, markReadAction } from "./actions";

export const metadata: Metadata = { title: "Notifications" };

const PER_PAGE = 50;

/** The user's notifications, newest first, each linking to its project (while it exists); unread ones can be marked read. */
export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requirePageUser();
  const requested = Number((await searchParams).page);
  const page = Number.isInteger(requested) && requested > 0 ? requested : 1;
  const { notifications, unread, nextPage } = listNotifications({ user, page, perPage: PER_PAGE });

  return (
    <div className="mx-auto max-w-3xl px-4 py-8">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Notifications</h1>
        {unread > 0 && (
          <ActionButton action={markAllReadAction} variant="plain">
            Mark all as read
          </ActionButton>
        )}
      </div>
      <p className="mt-1 text-sm text-slate-600">{unread > 0 ? `${unread} unread.` : "Nothing unread."} Benchtop tells you here when an operation on one of your projects fails.</p>
      {notifications.length === 0 ? (
        <p className="mt-6 rounded-md border border-dashed border-slate-300 p-6 text-sm text-slate-600">No notifications yet.</p>
      ) : (
        <ul aria-label="Notifications" className="mt-6 divide-y divide-slate-200 rounded-md border border-slate-200 bg-white">
          {notifications.map((n) => (
            <li key={n.id} className={`px-4 py-3 ${n.read ? "" : "border-l-4 border-l-red-500 bg-red-50/40"}`}>
              <p className="break-words text-sm text-slate-800">
                {!n.read && <span className="sr-only">Unread: </span>}
                {n.message}
              </p>
              <div className="mt-1 flex flex-wrap items-center gap-x-3 text-xs text-slate-500">
                <UtcTime at={n.at} />
                {n.projectId && (
                  <Link href={`/projects/${n.projectId}`} className="text-indigo-700 hover:underline">
                    Open project
                  </Link>
                )}
                {n.read ? (
                  <span>Read</span>
                ) : (
                  <ActionButton action={markReadAction.bind(null, n.id)} label={`Mark as read: ${n.message.slice(0, 80)}`}>
                    Mark as read
                  </ActionButton>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      <nav aria-label="Pages" className="mt-4 flex gap-4 text-sm">
        {page > 1 && (
          <Link href={`/notifications?page=${page - 1}`} className="text-indigo-700 hover:underline">
            Newer
          </Link>
        )}
        {nextPage && (
          <Link href={`/notifications?page=${nextPage}`} className="text-indigo-700 hover:underline">
            Older
          </Link>
        )}
      </nav>
    </div>
  );
}
