import { requireAdmin, requireApiCaller } from "@/lib/auth";
import { apiRoute, noContent } from "@/lib/http";
import { removeRetiredRepository } from "@/lib/projects";

type Context = { params: Promise<{ id: string }> };

/** Removes a kept repository for good: its folder, or at its host as the backend says (admin). */
export const DELETE = apiRoute(async (request, { params }: Context) => {
  const caller = await requireApiCaller(request);
  requireAdmin(caller);
  await removeRetiredRepository({ id: (await params).id, actor: caller.user });
  return noContent();
});
