export { parseCgiHead } from "./cgi-response";
export { runHttpBackend, type HttpBackendInput } from "./http-backend";
export { createBareRepository, initialReadme, initRepository, removeRepository } from "./init-repository";
export { parseGitRequest, type GitRequest, type GitService } from "./parse-git-request";
export { commitFiles } from "./commit-files";
export { fetchIntoRepository } from "./fetch-into-repository";
export { diffRefs, listBranches, readRefs, setDefaultBranch, type RefChange } from "./refs";
export { repoDirName, repoPath } from "./repo-path";
export { GitCommandError, gitEnvironment, runGit } from "./run-git";
