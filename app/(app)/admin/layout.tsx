import { requirePageAdmin } from "@/lib/auth";
import { AdminNav } from "./admin-nav";

/** The admin console: its own navigation beside every admin page; administrators only. */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requirePageAdmin();
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-4 px-4 py-6 md:flex-row">
      <AdminNav />
      <div className="min-w-0 flex-1">{children}</div>
    </div>
  );
}
