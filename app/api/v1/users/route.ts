import { z } from "zod";
import { requireAdmin, requireApiCaller } from "@/lib/auth";
import { apiRoute, json, paginationSchema, readJson, readQuery } from "@/lib/http";
import { createUser, createUserSchema, listUsers, toUserView } from "@/lib/users";

const listQuerySchema = paginationSchema.extend({ q: z.string().trim().max(200).optional() });

export const POST = apiRoute(async (request) => {
  const caller = await requireApiCaller(request);
  requireAdmin(caller);
  const input = await readJson(request, createUserSchema);
  const user = await createUser({ input, actor: caller.user });
  return json(toUserView(user), 201);
});

export const GET = apiRoute(async (request) => {
  const caller = await requireApiCaller(request);
  requireAdmin(caller);
  const query = readQuery(request, listQuerySchema);
  const { users, nextPage } = listUsers(query);
  return json({ users: users.map(toUserView), nextPage });
});
