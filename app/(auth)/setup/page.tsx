import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { needsFirstAdmin } from "@/lib/users";
import { SetupForm } from "./setup-form";

export const metadata: Metadata = { title: "Welcome" };
export const dynamic = "force-dynamic";

export default function SetupPage() {
  if (!needsFirstAdmin()) redirect("/login");
  return (
    <>
      <h1 className="text-xl font-semibold">Welcome to Benchtop</h1>
      <p className="mb-6 mt-2 text-sm text-slate-600">Create the administrator account. You can add other people once you are signed in.</p>
      <SetupForm />
    </>
  );
}
