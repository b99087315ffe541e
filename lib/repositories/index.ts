export { adapterOf, listRepositoryBranches, listRepositoryFiles } from "./browse";
export { copyRepositoryToProject } from "./copy-repository";
export { ownTokenOf } from "./credentials";
export { importIntoProject } from "./import-files";
export { linkRepositoryToProject } from "./link-repository";
export { clearCredentials, createRepository, deleteRepository, inputOf, listRepositories, loadRepository, retestRepository, updateRepository } from "./manage-repository";
export { toRepositoryView, type RepositoryView } from "./repository-view";
export * from "./schema";
export { testConnection, type TestResult } from "./test-connection";
