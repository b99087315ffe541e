import { describe, expect, it } from "vitest";
import { api, baseUrl, createProject, createUser, share, signInBrowser } from "./helpers/api";

describe("the session page", () => {
  it("records session.opened for each member who opens it, and hides the project from others", async () => {
    const owner = await createUser();
    const viewer = await createUser();
    const stranger = await createUser();
    const project = await createProject(owner);
    await share(project, owner, viewer, "viewer");

    const open = async (user: { email: string; password: string }) =>
      fetch(`${baseUrl()}/projects/${project.id}/session`, { headers: { cookie: await signInBrowser(user) }, redirect: "manual" });

    const asViewer = await open(viewer);
    expect(asViewer.status).toBe(200);
    expect(await asViewer.text()).toContain(project.name);
    expect((await open(stranger)).status).toBe(404);
    const anonymous = await fetch(`${baseUrl()}/projects/${project.id}/session`, { redirect: "manual" });
    expect(anonymous.status).toBe(307);
    expect(anonymous.headers.get("location")).toMatch(/\/login/);

    const audit = await api(`/api/v1/projects/${project.id}/audit?action=session.opened`, { token: owner.token });
    expect(audit.body.events).toHaveLength(1);
    expect(audit.body.events[0].actor.email).toBe(viewer.email);
    expect(audit.body.events[0].detail).toEqual({ role: "viewer" });
  });
});
