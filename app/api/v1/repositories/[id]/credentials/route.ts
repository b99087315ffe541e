import { requireApiCaller } from "@/lib/auth";
import { apiRoute, noContent } from "@/lib/http";
import { clearCredentials, loadRepository } from "@/lib/repositories";

type Context = { params: Promise<{ id: string }> };

/** Forgets the stored token or keys at once. */
export const DELETE = apiRoute(async (request, { params }: Context) => {
  const { user } = await requireApiCaller(request);
  clearCredentials({ repository: loadRepository({ id: (await params).id, user }), user });
  return noContent();
});
