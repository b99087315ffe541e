import { requireAdmin, requireApiCaller } from "@/lib/auth";
import { apiRoute, json, readJson } from "@/lib/http";
import { loadUser, toUserView, updateUser, updateUserSchema } from "@/lib/users";

type Context = { params: Promise<{ id: string }> };

export const GET = apiRoute(async (request, { params }: Context) => {
  const caller = await requireApiCaller(request);
  requireAdmin(caller);
  return json(toUserView(loadUser({ id: (await params).id })));
});

export const PATCH = apiRoute(async (request, { params }: Context) => {
  const caller = await requireApiCaller(request);
  requireAdmin(caller);
  const input = await readJson(request, updateUserSchema);
  const user = updateUser({ id: (await params).id, input, actor: caller.user });
  return json(toUserView(user));
});
