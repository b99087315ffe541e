import { requireApiCaller } from "@/lib/auth";
import { apiRoute, json } from "@/lib/http";
import { toUserView } from "@/lib/users";

export const GET = apiRoute(async (request) => {
  const { user } = await requireApiCaller(request);
  return json(toUserView(user));
});
