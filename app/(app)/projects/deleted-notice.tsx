import { projectNameSchema } from "@/lib/projects";

/**
 * "Deleted project <name>." on the list the delete action lands on. The name
 * comes from the address, so anyone can put one there: only a valid project
 * name is shown, and only as text.
 */
export function DeletedNotice({ name }: { name: unknown }) {
  const parsed = projectNameSchema.safeParse(name);
  if (!parsed.success || parsed.data !== name) return null;
  return (
    <p role="status" className="mt-4 rounded-md border border-green-200 bg-green-50 p-3 text-sm text-green-800">
      Deleted project {parsed.data}.
    </p>
  );
}
