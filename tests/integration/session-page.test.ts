import { describe, expect, it } from "vitest";
import { api, baseUrl, createProject, createUser, share, signInBrowser } from "./helpers/api";

describe("the session page", () => {
  it("records session.opened for each member who opens it (once a minute at most), and hides the project from others", async () => {
    const owner = await createUser();
    const viewer = await createUser();
    const stranger = await createUser();
    const project = await createProject(owner);
    await share(project, owner, viewer, "viewer");

    const open = async (user: { email: string; password: string }) =>
      fetch(`${baseUrl()}/projects/${project.id}/session`, { headers: { cookie: await signInBrowser(user) }, redirect: "manual" });
    // What the session's page does once its workspace has opened in the browser.
    const sayOpened = async (user: { email: string; password: string }) =>
      fetch(`${baseUrl()}/api/v1/projects/${project.id}/session`, {
        method: "POST",
        headers: { cookie: await signInBrowser(user), "sec-fetch-site": "same-origin", "content-type": "application/json" },
        body: "{}",
      });
    const opened = async () => (await api(`/api/v1/projects/${project.id}/audit?action=session.opened`, { token: owner.token })).body.events;

    const asViewer = await open(viewer);
    expect(asViewer.status).toBe(200);
    const viewerPage = await asViewer.text();
    expect(viewerPage).toContain(project.name);
    // Read-only from the first paint, before the workspace has opened: the server renders the viewer's banner.
    expect(viewerPage).toContain("You are a viewer of this project");
    expect(await (await open(owner)).text()).not.toContain("You are a viewer of this project");
    // Showing the page writes nothing (a GET renders); the workspace says when it has opened.
    expect(await opened()).toHaveLength(0);
    expect((await sayOpened(viewer)).status).toBe(204);
    // Reopened four more times within the minute: still one event.
    for (let i = 0; i < 4; i++) expect((await sayOpened(viewer)).status).toBe(204);
    expect((await open(stranger)).status).toBe(404);
    expect((await sayOpened(stranger)).status).toBe(404);
    const anonymous = await fetch(`${baseUrl()}/projects/${project.id}/session`, { redirect: "manual" });
    expect(anonymous.status).toBe(307);
    expect(anonymous.headers.get("location")).toMatch(/\/login/);

    const audit = await api(`/api/v1/projects/${project.id}/audit?action=session.opened`, { token: owner.token });
    expect(audit.body.events).toHaveLength(1);
    expect(audit.body.events[0].actor.email).toBe(viewer.email);
    expect(audit.body.events[0].detail).toEqual({ role: "viewer" });
  });
});
