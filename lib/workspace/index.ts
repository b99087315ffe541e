// What lib/workspace offers: one operation per file, each taking one object argument.

// Local operations: the working tree (base tree + overlay), commits, branches.
export { listDirectory } from "./list-directory";
export { readFile } from "./read-file";
export { readFileBytes } from "./read-file-bytes";
export { readFileBlob } from "./read-file-blob";
export { getLfsUsage, clearLfsCopies, setLfsBudget } from "./lfs-storage";
export { addFile } from "./add-file";
export { trackWithLfs, checkLfsTracked } from "./track-with-lfs";
export { writeFile } from "./write-file";
export { createFolder } from "./create-folder";
export { deletePath } from "./delete-path";
export { movePath } from "./move-path";
export { inspectNewPath } from "./inspect-new-path";
export { getStatus } from "./get-status";
export { diffFile } from "./diff-file";
export { discardChanges } from "./discard-changes";
export { commitChanges } from "./commit-changes";
export { listCommits } from "./list-commits";
export { listCommitChanges, diffCommitFile } from "./commit-diff";
export { listBranches } from "./list-branches";
export { createBranch } from "./create-branch";
export { switchBranch } from "./switch-branch";
export { deleteBranch } from "./delete-branch";

// Network and state operations: clone, fetch, push, pull and merges, the copy's state.
export { toWorkspaceError } from "./classify-error";
export { isCloned } from "./is-cloned";
export { cloneRepository } from "./clone-repository";
export { getState } from "./get-state";
export { countUnpushed } from "./count-unpushed";
export { fetchRemote } from "./fetch-remote";
export { deepenHistory } from "./deepen-history";
export { pushBranch } from "./push-branch";
export { pullBranch } from "./pull-branch";
export { resolveConflict } from "./resolve-conflict";
export { readNotebookConflicts } from "./read-notebook-conflicts";
export { resolveNotebookConflict } from "./resolve-notebook-conflict";
export { abortMerge } from "./abort-merge";
export { resetLocalCopy } from "./reset-local-copy";
