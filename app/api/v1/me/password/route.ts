import { clientAddress, requireApiCaller } from "@/lib/auth";
import { apiRoute, noContent, readJson } from "@/lib/http";
import { changeOwnPassword, changePasswordSchema } from "@/lib/users";

/** The caller changes their own password; their other browser sessions end (a token caller keeps none). */
export const POST = apiRoute(async (request) => {
  const caller = await requireApiCaller(request);
  const input = await readJson(request, changePasswordSchema, { maxBytes: 16 * 1024 });
  await changeOwnPassword({
    user: caller.user,
    input,
    address: clientAddress(request.headers),
    sessionId: caller.via === "session" ? caller.sessionId : undefined,
  });
  return noContent();
});
