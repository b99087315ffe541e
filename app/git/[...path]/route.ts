import { serveGitRequest } from "@/lib/git-endpoint";
import { isLfsPath, serveLfsRequest } from "@/lib/lfs";

// Git traffic and Git LFS objects stream through here; it must stay outside
// proxy.ts's matcher, which would buffer (and truncate) request bodies.
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ path: string[] }> };

/** The internal git server: Git LFS's API under {clone path}/info/lfs/, git's smart HTTP for the rest. */
async function handle(request: Request, { params }: Context): Promise<Response> {
  const { path } = await params;
  return isLfsPath(path) ? serveLfsRequest(request, path) : serveGitRequest(request, path);
}

export const GET = handle;
export const POST = handle;
export const PUT = handle;
