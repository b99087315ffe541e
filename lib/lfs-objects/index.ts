// Git LFS objects on the server side: Benchtop's own store (objects by SHA-256
// under DATA_DIR/lfs, kept for the projects that refer to them and removed with
// the last), which objects a commit's or a whole history's pointers stand for,
// and their content from that store or a git host's LFS API (downloaded under
// the network policy, hash checked), for deployments, archives and copies.
export { lfsContentOfCommit, type LfsFile, type LfsSource } from "./content-of-commit";
export { copyLfsObjectsFromHost, removeLfsCopyWorkArea, type LfsCopyOutcome } from "./copy-from-host";
export { downloadLfsObjects, type LfsRefusalWords } from "./download";
export { keepObject } from "./keep-object";
export { lfsObjectsOfCommit, type CommitLfsObject } from "./objects-of-commit";
export { lfsObjectsOfHistory } from "./objects-of-history";
export { removeUnreferencedObjects } from "./remove-unreferenced";
export { lfsObjectsDir, lfsUploadsDir, serverLfsObjectFile } from "./server-store";
