export { createGitLabAdapter, type CreateGitLabAdapterOptions } from "./create-gitlab-adapter";
