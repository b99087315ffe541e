import { afterAll, beforeAll } from "vitest";
import { removeTempDirs } from "./fixture-repo";
import { type GitHttpServer, startGitHttpServer } from "./git-http-server";

/**
 * One git smart-HTTP server for the calling test file: started before its
 * tests, stopped after them together with the temporary repositories. The
 * returned object stands for the server once it has started.
 */
export function gitHttpServerForFile(): GitHttpServer {
  let started: GitHttpServer | undefined;
  beforeAll(async () => {
    started = await startGitHttpServer();
  });
  afterAll(async () => {
    await started?.close();
    removeTempDirs();
  });
  return new Proxy({} as GitHttpServer, {
    get(_target, key) {
      if (!started) throw new Error("The git HTTP server starts in beforeAll; use it inside tests.");
      const value: unknown = Reflect.get(started, key);
      return typeof value === "function" ? value.bind(started) : value;
    },
  });
}
