import { NextResponse } from "next/server";
import { getSessionUser } from "@/lib/auth";
import { ACCESS_LINK_MS, deployOrigin, deploymentPath, sealDeployPass, visitDeployment } from "@/lib/deployments";
import { localPathOr, publicOrigin } from "@/lib/http";

type Context = { params: Promise<{ slug: string }> };

/**
 * On Benchtop's own origin, where the visitor's session is: hands a signed-in
 * visitor who may see a deployment a pass for it on the deploy origin (a
 * minute's link; the deploy origin turns it into a cookie of its own). Someone
 * signed out is sent to sign in first (proxy.ts), and comes back here.
 */
export async function GET(request: Request, { params }: Context) {
  const { slug } = await params;
  const origin = deployOrigin();
  const user = await getSessionUser();
  if (!user) return NextResponse.redirect(new URL(`/login?callbackUrl=${encodeURIComponent(`/deploy-access/${slug}`)}`, publicOrigin(request.headers, request.url)));
  const visit = visitDeployment({ slug, user });
  if (!origin || visit.kind !== "serve") return new NextResponse("There is no such deployment, or you may not see it.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const back = localPathOr(new URL(request.url).searchParams.get("path"), deploymentPath({ slug }));
  const target = new URL(`/deploy/_access/${encodeURIComponent(slug)}`, origin);
  target.searchParams.set("pass", sealDeployPass({ deploymentId: visit.deployment.id, userId: user.id, validMs: ACCESS_LINK_MS }));
  target.searchParams.set("path", back.startsWith(deploymentPath({ slug })) ? back : deploymentPath({ slug }));
  return NextResponse.redirect(target, { headers: { "cache-control": "no-store", "referrer-policy": "no-referrer" } });
}
