import { z } from "zod";
import { requireAdmin, requireApiCaller } from "@/lib/auth";
import { publicDeploymentsAllowed, setPublicDeploymentsAllowed } from "@/lib/deployments";
import { apiRoute, json, readJson } from "@/lib/http";

const settingsSchema = z.object({ allowPublic: z.boolean({ error: "allowPublic is true or false." }) }).strict();

/** Whether deployments may be public (anyone with the link) (admin). */
export const GET = apiRoute(async (request) => {
  requireAdmin(await requireApiCaller(request));
  return json({ allowPublic: publicDeploymentsAllowed() });
});

/** Allows or forbids public deployments; forbidden, existing public ones are served to signed-in people only (admin). */
export const PUT = apiRoute(async (request) => {
  const caller = await requireApiCaller(request);
  requireAdmin(caller);
  const { allowPublic } = await readJson(request, settingsSchema);
  setPublicDeploymentsAllowed({ allowed: allowPublic, actor: caller.user });
  return json({ allowPublic });
});
