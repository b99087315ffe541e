import type { Metadata } from "next";
import { describeWait, listLimitedAccounts, requirePageAdmin } from "@/lib/auth";
import { listUsers, toUserView } from "@/lib/users";
import { NewUserForm } from "./new-user-form";
import { UserRow } from "./user-row";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const admin = await requirePageAdmin();
  const { q } = await searchParams;
  const query = typeof q === "string" ? q.slice(0, 200) : undefined;
  const { users } = listUsers({ q: query, page: 1, perPage: 100 });
  const now = new Date();
  const limited = listLimitedAccounts({ emails: users.map((u) => u.email), now });
  const limitedFor = (email: string) => {
    const until = limited.get(email);
    return until ? describeWait(Math.ceil((until.getTime() - now.getTime()) / 1000)) : undefined;
  };
  return (
    <div className="mx-auto max-w-5xl px-4 py-8 space-y-6">
      <h1 className="text-2xl font-semibold">Users</h1>
      <section className="rounded-lg border border-slate-200 bg-white p-5">
        <NewUserForm />
      </section>
      <form role="search">
        <label className="text-sm">
          <span className="sr-only">Search users</span>
          <input name="q" defaultValue={query} placeholder="Search by email, name or handle" className="w-72 rounded-md border border-slate-300 px-3 py-1.5 text-sm" />
        </label>
      </form>
      <table aria-label="Users" className="w-full rounded-lg border border-slate-200 bg-white text-left text-sm">
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            <th className="px-4 py-2 font-medium">User</th>
            <th className="px-4 py-2 font-medium">Handle</th>
            <th className="px-4 py-2 font-medium">Role</th>
            <th className="px-4 py-2 font-medium">Status</th>
            <th className="px-4 py-2" />
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {users.map((u) => (
            <UserRow key={u.id} user={toUserView(u)} isSelf={u.id === admin.id} limitedFor={limitedFor(u.email)} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
