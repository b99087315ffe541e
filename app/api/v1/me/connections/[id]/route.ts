import { requireApiCaller } from "@/lib/auth";
import { deleteConnection } from "@/lib/connections";
import { apiRoute, noContent } from "@/lib/http";

type Context = { params: Promise<{ id: string }> };

export const DELETE = apiRoute(async (request, { params }: Context) => {
  const { user } = await requireApiCaller(request);
  const { id } = await params;
  await deleteConnection({ id, user });
  return noContent();
});
