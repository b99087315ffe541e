import { MAX_REPOSITORY_IMAGE_BYTES, repositoryImageType } from "../../render";
import { lookUpPaths, type FoundBlob } from "./git-objects";
import { readContents, withLfsObjects } from "./lfs-content";
import { imagePathFrom } from "./request-path";

/** All the images one page inlines: past this, the rest show as their descriptions. */
export const MAX_PAGE_IMAGE_BYTES = 40 * 1024 * 1024;

type Resolver = (relative: string) => string | null;

/** The repository image a Markdown path names (raster types only), or null. */
function imageFile(pagePath: string, relative: string): { path: string; type: string } | null {
  const path = imagePathFrom(pagePath, relative);
  const type = path && repositoryImageType(path);
  return path && type ? { path, type } : null;
}

/** The images' bytes as data: URLs by path, within the limits, read from the commit in two git processes. */
async function readImages({ dir, commit, files }: { dir: string; commit: string; files: Map<string, string> }): Promise<Map<string, string>> {
  const paths = [...files.keys()];
  const found = await withLfsObjects(dir, await lookUpPaths({ dir, commit, paths }));
  const chosen: { path: string; blob: FoundBlob }[] = [];
  let total = 0;
  found.forEach((object, index) => {
    if (object.kind !== "blob" || object.size > MAX_REPOSITORY_IMAGE_BYTES || total + object.size > MAX_PAGE_IMAGE_BYTES) return;
    total += object.size;
    chosen.push({ path: paths[index]!, blob: object });
  });
  const bytes = await readContents({ dir, blobs: chosen.map((image) => image.blob) });
  return new Map(chosen.map((image, index) => [image.path, `data:${files.get(image.path)};base64,${bytes[index]!.toString("base64")}`]));
}

/**
 * Renders a page whose Markdown names images in the repository
 * (`![plot](figures/plot.png)`, relative to the page's own path), with each one
 * read from the same commit and inlined as a data: URL. lib/render asks for
 * images synchronously, so the page is rendered once to learn which images it
 * names, and again with them (once only when it names none).
 */
export async function renderWithImages({ dir, commit, pagePath, render }: { dir: string; commit: string; pagePath: string; render: (resolveImage: Resolver) => string }): Promise<string> {
  const files = new Map<string, string>();
  const first = render((relative) => {
    const file = imageFile(pagePath, relative);
    if (file) files.set(file.path, file.type);
    return null;
  });
  if (!files.size) return first;
  const images = await readImages({ dir, commit, files });
  return render((relative) => {
    const file = imageFile(pagePath, relative);
    return (file && images.get(file.path)) ?? null;
  });
}
