import { requireAdmin, requireApiCaller } from "@/lib/auth";
import { getUserById } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { apiRoute, json, readJson } from "@/lib/http";
import { toUserView, updateUser, updateUserSchema } from "@/lib/users";

type Context = { params: Promise<{ id: string }> };

export const GET = apiRoute(async (request, { params }: Context) => {
  const caller = await requireApiCaller(request);
  requireAdmin(caller);
  const user = getUserById({ id: (await params).id });
  if (!user) throw notFound("That user");
  return json(toUserView(user));
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
