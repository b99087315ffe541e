import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth";
import { ChangePasswordForm } from "./change-password-form";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const user = await requirePageUser();
  return (
    <div className="mx-auto max-w-5xl px-4 py-8 space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Account</h1>
        <p className="mt-2 max-w-prose text-sm text-slate-600">
          Signed in as <span className="font-medium">{user.name}</span> ({user.email}, handle <span className="font-mono">@{user.handle}</span>, {user.role}).
        </p>
      </div>
      <section className="rounded-lg border border-slate-200 bg-white p-5">
        <ChangePasswordForm />
        <p className="mt-4 max-w-prose text-xs text-slate-500">
          Changing your password signs out every other browser signed in as you. Personal access tokens keep working; revoke them under Access tokens if they may have leaked.
        </p>
      </section>
    </div>
  );
}
