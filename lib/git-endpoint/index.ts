export { serveGitRequest } from "./serve-git-request";
