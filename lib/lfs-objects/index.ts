// Git LFS objects on the server side, for whatever needs a commit's real files
// (deployments, archives): which objects a commit's pointers stand for, where
// Benchtop's own git server keeps them, and downloading them from a git host's
// LFS API under the network policy.
export { downloadLfsObjects } from "./download";
export { lfsObjectsOfCommit, type CommitLfsObject } from "./objects-of-commit";
export { serverLfsObjectFile } from "./server-store";
