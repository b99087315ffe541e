import path from "node:path";
import { recordEvent } from "../../audit";
import { projectNameTaken, type Project, type User } from "../../db";
import { AppError, isAppError } from "../../errors";
import { parseWith } from "../../http";
import { createProject, createProjectSchema, failureReason, notifyFailure } from "../../projects";
import { extractArchive } from "./extract-archive";
import { commitProjectTree } from "./first-commit";
import { copyHistory, inspectHistory } from "./history";
import { largeFilesInHistory, largeFileWarnings } from "./large-files";
import { UPLOAD_LIMITS } from "./limits";
import { toProjectTree } from "./project-tree";
import { receiveUpload } from "./receive-upload";
import { withWorkArea } from "./work-area";

/** The name a project is refused under before its archive is read: not valid, or already one of the owner's. */
function checkNameEarly({ name, owner }: { name: string; owner: User }): void {
  // As an object, so that the refusal names the field.
  const { name: parsed } = parseWith(createProjectSchema.pick({ name: true }), { name });
  if (projectNameTaken({ ownerId: owner.id, name: parsed })) {
    throw new AppError("conflict", `You already have a project named "${parsed}". Choose another name.`, { fields: { name: "You already have a project with this name." } });
  }
}

/**
 * POST /api/v1/projects/import: a project made from an uploaded .zip, .tar.gz
 * or .tgz. The file is streamed to disk (receiveUpload), extracted under the
 * rules of extractArchive into a work area that is always removed, and the
 * project is created all or nothing by createProject: with the history of the
 * archive's .git folder (checked and stripped of hooks and configuration:
 * inspectHistory) when it holds one, else with every file in a first commit by
 * the uploader. Any refusal leaves no project, repository or file behind.
 * Answers the project and the warnings for the uploader (files over 100 MB,
 * what was left out).
 */
export async function createProjectFromUpload({ request, owner }: { request: Request; owner: User }): Promise<{ project: Project; warnings: string[] }> {
  let projectName: string | undefined;
  try {
    return await receiveAndCreate({ request, owner, onName: (name) => (projectName = name) });
  } catch (error) {
    // A refused name or description is the form's to show; anything else that ended
    // the upload (the archive, its size, the server) is a failed upload, reported
    // like every failed operation although no project is left.
    const formRefusal = isAppError(error) && error.fields !== undefined && !("file" in error.fields);
    if (!formRefusal) notifyFailure({ user: owner, operation: "upload", message: failureReason(error), projectName });
    throw error;
  }
}

async function receiveAndCreate({ request, owner, onName }: { request: Request; owner: User; onName: (name: string) => void }): Promise<{ project: Project; warnings: string[] }> {
  return withWorkArea(async (area) => {
    const upload = await receiveUpload({
      request,
      to: area.archive,
      maxBytes: UPLOAD_LIMITS.maxUploadBytes,
      onField: (name, value) => {
        if (name !== "name") return;
        onName(value);
        checkNameEarly({ name: value, owner });
      },
    });
    const input = parseWith(createProjectSchema, { name: upload.fields.name, description: upload.fields.description });
    const extracted = await extractArchive({ file: area.archive, fileName: upload.fileName, into: area.tree });
    const tree = await toProjectTree(extracted);
    const history = tree.gitDir ? await inspectHistory({ gitDir: tree.gitDir }) : null;
    const warnings = [...tree.warnings];

    const project = await createProject({
      input,
      owner,
      initialize: async ({ dir }) => {
        if (history && tree.gitDir) {
          await copyHistory({ gitDir: tree.gitDir, dir, defaultBranch: history.defaultBranch });
          warnings.push(...largeFileWarnings(await largeFilesInHistory({ dir })));
        } else {
          await commitProjectTree({ tree, dir, indexFile: path.join(area.dir, "index"), message: `Upload ${upload.fileName}\n`, author: owner });
          warnings.push(...largeFileWarnings([...tree.files].map(([at, file]) => ({ path: at, bytes: file.size }))));
        }
        return { defaultBranch: history?.defaultBranch, detail: { source: "archive", fileName: upload.fileName } };
      },
    });
    recordEvent({
      action: "archive.uploaded",
      actor: owner,
      project,
      detail: { fileName: upload.fileName, bytes: upload.bytes, entries: extracted.entries, history: history !== null },
    });
    return { project, warnings };
  });
}
