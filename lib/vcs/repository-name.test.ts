import { describe, expect, it } from "vitest";
import { renderRepositoryName, repositoryNameProblem, templateProblem } from "./repository-name";

const values = { owner: "jane.doe", id: "a1b2c3d4e5f6g7h8", name: "Sales_Report" };

describe("repository name templates", () => {
  it("fills {owner}, {id} and {name}, lower-casing for Bitbucket Cloud's slugs", () => {
    expect(renderRepositoryName({ type: "github", template: "{owner}-{id}", values })).toBe("jane.doe-a1b2c3d4e5f6g7h8");
    expect(renderRepositoryName({ type: "gitlab", template: "bt-{name}-{id}", values })).toBe("bt-Sales_Report-a1b2c3d4e5f6g7h8");
    expect(renderRepositoryName({ type: "bitbucket", template: "{owner}-{name}", values })).toBe("jane.doe-sales_report");
  });

  it("accepts the default template on every host", () => {
    for (const type of ["github", "gitlab", "bitbucket", "bitbucket-server"] as const) expect(templateProblem({ type, template: "{owner}-{id}" }), type).toBeUndefined();
  });

  it("refuses templates that would give two projects one repository, or unknown placeholders", () => {
    expect(templateProblem({ type: "github", template: "{owner}" })).toMatch(/Include \{id\}/);
    expect(templateProblem({ type: "github", template: "{owner}-{name}" })).toBeUndefined();
    expect(templateProblem({ type: "github", template: "{owner}-{project}-{id}" })).toMatch(/uses \{project\}/);
  });

  it("says why a name is one the host refuses", () => {
    expect(repositoryNameProblem({ type: "github", name: "a b" })).toMatch(/may use only/);
    expect(repositoryNameProblem({ type: "github", name: "x".repeat(101) })).toMatch(/100 characters/);
    expect(repositoryNameProblem({ type: "gitlab", name: "-lead" })).toMatch(/starting with/);
    expect(repositoryNameProblem({ type: "gitlab", name: "feed.atom" })).toMatch(/end in \.git or \.atom/);
    expect(repositoryNameProblem({ type: "bitbucket", name: "Upper" })).toMatch(/lower-case/);
    expect(templateProblem({ type: "github", template: "{id}.git" })).toMatch(/refuses/);
  });
});
