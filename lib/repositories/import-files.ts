import type { Repository, User } from "../db";
import { recordEvent } from "../audit";
import { AppError } from "../errors";
import { commitFiles } from "../git-server";
import { assertCanWrite, type ProjectAccess } from "../projects";
import type { RemoteFile } from "../hosts";
import { adapterOf, type SourceAdapter } from "./browse";

const MAX_FILES = 2000;
const MAX_BYTES = 200 * 1024 * 1024;

function listFolder(source: SourceAdapter, folder: string, ref: string | undefined): Promise<RemoteFile[]> {
  return source.kind === "git" ? source.adapter.listFiles({ ref, path: folder }) : source.adapter.listFiles({ prefix: folder ? `${folder}/` : "" });
}

/** Adds a file, or every file under a folder, listing each folder once. */
async function collect(source: SourceAdapter, entry: RemoteFile, ref: string | undefined, out: Set<string>): Promise<void> {
  if (out.size > MAX_FILES) return;
  if (entry.type === "file") return void out.add(entry.path);
  for (const child of await listFolder(source, entry.path, ref)) await collect(source, child, ref, out);
}

/** The chosen paths as entries of their folders (each parent folder listed once). */
async function resolveChosen(source: SourceAdapter, paths: string[], ref: string | undefined): Promise<RemoteFile[]> {
  const listings = new Map<string, RemoteFile[]>();
  const chosen: RemoteFile[] = [];
  for (const raw of paths) {
    const path = raw.replace(/^\/+|\/+$/g, "");
    const parent = path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "";
    if (!listings.has(parent)) listings.set(parent, await listFolder(source, parent, ref));
    const entry = listings.get(parent)!.find((f) => f.path === path);
    if (!entry) throw new AppError("invalid_input", `"${path}" is not in the source. Pick files from the list.`, { fields: { paths: `No such file or folder: ${path}` } });
    chosen.push(entry);
  }
  return chosen;
}

/**
 * Copies chosen files or folders of a registered repository (at a ref) or
 * bucket into a project as one commit whose message names the source.
 */
export async function importIntoProject({
  repository,
  access,
  paths,
  ref,
  message,
  user,
}: {
  repository: Repository;
  access: ProjectAccess;
  paths: string[];
  ref?: string;
  message?: string;
  user: User;
}): Promise<{ commit: string; files: string[] }> {
  assertCanWrite(access);
  if (access.project.backend !== "internal") {
    throw new AppError("invalid_input", `${access.project.name}'s repository is kept at its git host, so Benchtop does not commit into it on the server. Open its session, add the files there and push.`, {
      fields: { projectId: "Choose a project on Benchtop's git server." },
    });
  }
  const source = await adapterOf(repository);
  const files = new Set<string>();
  for (const entry of await resolveChosen(source, paths, ref)) await collect(source, entry, ref, files);
  if (files.size > MAX_FILES) throw new AppError("too_large", `That is more than ${MAX_FILES} files. Import fewer folders at a time.`);
  let total = 0;
  const contents: { path: string; content: Uint8Array }[] = [];
  for (const path of files) {
    const content = source.kind === "git" ? await source.adapter.readFile({ ref, path }) : await source.adapter.readFile({ path });
    total += content.byteLength;
    if (total > MAX_BYTES) throw new AppError("too_large", "The chosen files add up to more than 200 MB. Import fewer at a time.");
    contents.push({ path, content });
  }
  const where = repository.provider === "s3" ? `s3://${repository.bucket}` : `${repository.location}${ref ? `@${ref}` : ""}`;
  const commitMessage = message?.trim() || `Import ${contents.length} file${contents.length === 1 ? "" : "s"} from ${repository.name} (${where})`;
  const commit = await commitFiles({
    projectId: access.project.id,
    branch: access.project.defaultBranch,
    files: contents,
    message: commitMessage.includes(where) ? commitMessage : `${commitMessage}\n\nImported from ${where}`,
    author: { name: user.name, email: user.email },
  });
  recordEvent({ action: "repository.imported", actor: user, project: access.project, detail: { repositoryId: repository.id, source: where, files: contents.length, commit } });
  return { commit, files: contents.map((c) => c.path) };
}
