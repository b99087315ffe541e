import { requireApiCaller, revokeApiToken } from "@/lib/auth";
import { recordEvent } from "@/lib/audit";
import { apiRoute, noContent } from "@/lib/http";

type Context = { params: Promise<{ id: string }> };

export const DELETE = apiRoute(async (request, { params }: Context) => {
  const { user } = await requireApiCaller(request);
  const { id } = await params;
  revokeApiToken({ userId: user.id, id });
  recordEvent({ action: "token.revoked", actor: user, detail: { tokenId: id } });
  return noContent();
});
