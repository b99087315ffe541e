// Serving a deployment: a project's files at one commit, read from the git
// objects of a bare repository, answered at the deployment's own URL.
//
//   const answer = await serveDeployedPath({ dir, commit, path: "reports/", baseUrl: "/deploy/weekly-report/",
//     title: "Weekly report", method: "GET", sandbox: true, ifNoneMatch: request.headers.get("if-none-match") });
//   // answer: { status, headers (lower-case names), body: Buffer | string | Readable | null }
//
// Files are served as they are (their scripts run, in an opaque origin when
// sandboxed); Markdown and notebooks are rendered by lib/render into pages that
// load nothing and run no script of the repository's.
export { serveDeployedPath, type ServeDeployedPathInput } from "./serve-deployed-path";
export { SANDBOX_POLICY, type DeployedResponse } from "./respond";
