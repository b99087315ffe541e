import path from "node:path";
import { recordEvent } from "../../audit";
import { projectNameTaken, type Project, type User } from "../../db";
import { AppError } from "../../errors";
import { parseWith } from "../../http";
import { createProject, createProjectSchema } from "../../projects";
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
  return withWorkArea(async (area) => {
    const upload = await receiveUpload({
      request,
      to: area.archive,
      maxBytes: UPLOAD_LIMITS.maxUploadBytes,
      onField: (name, value) => {
        if (name === "name") checkNameEarly({ name: value, owner });
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
