// Git LFS objects on the server side, for whatever needs a commit's real files
// (deployments, archives): which objects a commit's pointers stand for, their
// content from Benchtop's own store or a git host's LFS API (downloaded under
// the network policy, hash checked).
export { lfsContentOfCommit, type LfsFile, type LfsSource } from "./content-of-commit";
export { downloadLfsObjects } from "./download";
export { lfsObjectsOfCommit, type CommitLfsObject } from "./objects-of-commit";
export { serverLfsObjectFile } from "./server-store";
