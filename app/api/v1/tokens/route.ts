import { clientAddress, createApiToken, listApiTokens, requireApiCaller, verifyCredentials } from "@/lib/auth";
import { recordEvent } from "@/lib/audit";
import { apiRoute, json, readJson } from "@/lib/http";
import { createTokenSchema } from "./schema";

/** Exchanges an email and password for a personal access token (for scripts and the git command line). */
export const POST = apiRoute(async (request) => {
  const input = await readJson(request, createTokenSchema, { maxBytes: 16 * 1024 });
  const user = await verifyCredentials({ email: input.email, password: input.password, address: clientAddress(request.headers) });
  const token = createApiToken({ userId: user.id, name: input.name, expiresAt: input.expiresAt ?? null });
  recordEvent({ action: "token.created", actor: user, detail: { tokenId: token.id, name: token.name } });
  return json(token, 201);
});

export const GET = apiRoute(async (request) => {
  const { user } = await requireApiCaller(request);
  return json({ tokens: listApiTokens({ userId: user.id }) });
});
