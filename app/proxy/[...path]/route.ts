import { serveGatewayRequest } from "@/lib/gateway";

// The git gateway streams packs both ways; it must stay outside proxy.ts's
// matcher, which would buffer (and truncate) request bodies.
export const dynamic = "force-dynamic";

const notFound = () => new Response("Not found.\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });

export const GET = (request: Request) => serveGatewayRequest(request);
export const POST = (request: Request) => serveGatewayRequest(request);
// Git LFS uploads through a relay URL (/proxy/_lfs/...); every other PUT answers 404 there.
export const PUT = (request: Request) => serveGatewayRequest(request);
export const PATCH = notFound;
export const DELETE = notFound;
export const OPTIONS = notFound;
export const HEAD = notFound;
