import { beforeAll, describe, expect, it } from "vitest";
import { call, expectError } from "../integration/api/helpers";
import { baseUrl, createProject, createUser, unique, type TestUser } from "../integration/helpers/api";

// Names git hosts refuse: `p1.git` was served as .../p1.git.git, `HEAD` or `refs` collide with git's own paths.
const REFUSED = ["p1.git", "feed.atom", "index.lock", "a..b", "...", "HEAD", "info", "Objects", "refs"];

describe("a project name that git hosts refuse", () => {
  let owner: TestUser;
  beforeAll(async () => {
    owner = await createUser();
  });

  it.each(REFUSED)("is refused when a project is created as %s", async (name) => {
    const res = await call("/api/v1/projects", { method: "POST", token: owner.token, body: { name } });
    expectError(res, 400, "invalid_input", ["name"]);
    expect(res.body.error.fields.name).toMatch(/Leave|Use|Choose|Start/);
  });

  it.each(REFUSED)("is refused when a project is renamed to %s", async (name) => {
    const project = await createProject(owner);
    const res = await call(`/api/v1/projects/${project.id}`, { method: "PATCH", token: owner.token, body: { name } });
    expectError(res, 400, "invalid_input", ["name"]);
    const after = await call(`/api/v1/projects/${project.id}`, { token: owner.token });
    expect(after.body.name).toBe(project.name);
  });

  it("still accepts ordinary names with dots, and hands out one .git ending", async () => {
    const name = unique("model.v2-");
    const res = await call("/api/v1/projects", { method: "POST", token: owner.token, body: { name } });
    expect(res.status, res.text).toBe(201);
    expect(res.body.cloneUrl).toBe(`${baseUrl()}/git/${owner.handle}/${name}.git`);
  });
});
