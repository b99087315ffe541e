import { answerDeployRequest } from "@/lib/deployments";

type Context = { params: Promise<{ slug: string }> };

// Deployed content (outside proxy.ts's matcher; lib/deployments sets its headers).
export async function GET(request: Request, { params }: Context) {
  return answerDeployRequest(request, { slug: (await params).slug });
}

export async function HEAD(request: Request, { params }: Context) {
  return answerDeployRequest(request, { slug: (await params).slug });
}
