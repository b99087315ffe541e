import { serveGitRequest } from "@/lib/git-endpoint";

// Git traffic streams through here; it must stay outside proxy.ts's matcher,
// which would buffer (and truncate) request bodies.
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ path: string[] }> };

async function handle(request: Request, { params }: Context): Promise<Response> {
  const { path } = await params;
  return serveGitRequest(request, path);
}

export const GET = handle;
export const POST = handle;
