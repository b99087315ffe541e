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
  const input = await readJson(request, updateUserSchema, { maxBytes: 16 * 1024 });
  const user = await updateUser({
    id: (await params).id,
    input,
    actor: caller.user,
    actorSessionId: caller.via === "session" ? caller.sessionId : undefined,
  });
  return json(toUserView(user));
});
