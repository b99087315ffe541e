import { requireApiCaller } from "@/lib/auth";
import { apiRoute } from "@/lib/http";
import { openPyodideAsset } from "@/lib/pyodide";

type Context = { params: Promise<{ version: string; file: string }> };

/**
 * Pyodide's files for notebooks' browser kernels, from the installed npm package
 * (an allow-list of five files), so kernels start on an isolated network. The
 * version is in the path, so a browser keeps each file for a year and an upgrade
 * changes the URL. Signed-in callers only, like everything Benchtop serves.
 */
export const GET = apiRoute(async (request, { params }: Context) => {
  await requireApiCaller(request);
  const asset = openPyodideAsset(await params);
  return new Response(asset.body, {
    headers: {
      "content-type": asset.contentType,
      "content-length": String(asset.size),
      "cache-control": "private, max-age=31536000, immutable",
    },
  });
});
