// The Bitbucket Server / Data Center side of the external backend: one project
// (its key is the "organization") administered through a PROJECT_ADMIN's HTTP
// access token.
import { createBitbucketServerClient } from "@coderabbitai/bitbucket/server";
import { z } from "zod";
import { HostError, isHostError } from "../errors";
import type { OrganizationHost, OrganizationRepository } from "../organization-host";
import { createSafeFetch } from "../safe-fetch";
import { clientOptions, type RequestContext, send } from "./http";
import { parseAnswer } from "./to-host-error";

const linkSchema = z.object({ href: z.string(), name: z.string().optional() });
const repositorySchema = z.object({
  slug: z.string(),
  project: z.object({ key: z.string() }),
  links: z.object({ clone: z.array(linkSchema).optional(), self: z.array(linkSchema).optional() }).optional(),
});
const permissionsPageSchema = z.object({ values: z.array(z.object({ user: z.object({ name: z.string() }), permission: z.string() })) });

/** The REST root above /api/1.0, where the generated client's /api/latest paths start. */
const restRootOf = (apiRoot: string) => apiRoot.replace(/\/api\/(1\.0|latest)\/?$/, "");
// Server's slugs are the lower-cased names (the template's names already use only slug characters).
const slugOf = (name: string) => name.toLowerCase();

export function createBitbucketServerOrganizationHost({ apiRoot, organization, token, fetch = createSafeFetch() }: { apiRoot: string; organization: string; token: string; fetch?: typeof globalThis.fetch }): OrganizationHost {
  const client = createBitbucketServerClient(clientOptions({ baseUrl: restRootOf(apiRoot), token, fetchImpl: fetch }));
  const host = new URL(apiRoot).host;
  const about = (subject: string): RequestContext => ({ flavor: "server", host, subject });
  const projectKey = organization;
  const repoPath = (name: string) => ({ projectKey, repositorySlug: slugOf(name) });

  const toRepository = (data: unknown): OrganizationRepository => {
    const repo = parseAnswer({ flavor: "server", schema: repositorySchema, data, what: "the repository" });
    const http = repo.links?.clone?.find((link) => link.name === "http")?.href;
    if (!http) throw new HostError("upstream", `Bitbucket at ${host} did not say how to clone ${repo.project.key}/${repo.slug} over https.`);
    return { fullName: `${repo.project.key}/${repo.slug}`, gitUrl: http.replace(/\/\/[^@/]+@/, "//"), webUrl: repo.links?.self?.[0]?.href ?? http };
  };

  /** Runs a call whose "not found" means "nothing to do". */
  async function unlessMissing(run: () => Promise<unknown>): Promise<void> {
    try {
      await run();
    } catch (error) {
      if (!isHostError(error) || error.code !== "not_found") throw error;
    }
  }

  return {
    async getServiceAccount() {
      // Bitbucket Server names the token's user in the X-AUSERNAME header of any answer.
      const { response } = await send(about(`The project ${projectKey}`), () => client.GET("/api/latest/projects/{projectKey}", { params: { path: { projectKey } } }));
      const login = response.headers.get("x-ausername");
      if (!login) throw new HostError("upstream", `Bitbucket at ${host} did not say whose token this is. Check that the URL is the REST root of Bitbucket Server or Data Center (…/rest/api/1.0).`);
      return { login, scopes: null };
    },

    async getAdministration({ username }) {
      try {
        const { data } = await send(about(`The project ${projectKey}`), () =>
          client.GET("/api/latest/projects/{projectKey}/permissions/users", { params: { path: { projectKey }, query: { filter: username } } }),
        );
        const page = parseAnswer({ flavor: "server", schema: permissionsPageSchema, data, what: "the project's permissions" });
        const grant = page.values.find((entry) => entry.user.name.toLowerCase() === username.toLowerCase());
        return grant ? { isMember: true, isAdmin: grant.permission === "PROJECT_ADMIN", role: grant.permission } : { isMember: false, isAdmin: false, role: null };
      } catch (error) {
        // Only project administrators may list its permissions.
        if (isHostError(error) && error.code === "no_permission") return { isMember: true, isAdmin: false, role: "no PROJECT_ADMIN permission" };
        throw error;
      }
    },

    missingScopes() {
      // HTTP access tokens carry a permission level Bitbucket does not report; Administrator answers tell instead.
      return [];
    },

    async createRepository({ name, description }) {
      try {
        const { data } = await send(about(`The project ${projectKey}`), () =>
          client.POST("/api/latest/projects/{projectKey}/repos", { params: { path: { projectKey } }, body: { name, scmId: "git", description } as never }),
        );
        return toRepository(data);
      } catch (error) {
        if (isHostError(error) && /already|conflict|409/i.test(error.message)) throw new HostError("upstream", `Bitbucket refused to create ${projectKey}/${slugOf(name)}: a repository of that name already exists in the project. Remove it in Bitbucket, or change the repository name template.`, { cause: error });
        throw error;
      }
    },

    async findRepository({ name }) {
      try {
        const { data } = await send(about(`${projectKey}/${slugOf(name)}`), () => client.GET("/api/latest/projects/{projectKey}/repos/{repositorySlug}", { params: { path: repoPath(name) } }));
        return toRepository(data);
      } catch (error) {
        if (isHostError(error) && error.code === "not_found") return null;
        throw error;
      }
    },

    async grantAccess({ name, account: { login: username }, access }) {
      await send(about(`${projectKey}/${slugOf(name)}`), () =>
        client.PUT("/api/latest/projects/{projectKey}/repos/{repositorySlug}/permissions/users", {
          params: { path: repoPath(name), query: { name: [username], permission: access === "write" ? "REPO_WRITE" : "REPO_READ" } as never },
        }),
      );
    },

    async revokeAccess({ name, account: { login: username } }) {
      await unlessMissing(() =>
        send(about(`${projectKey}/${slugOf(name)}`), () => client.DELETE("/api/latest/projects/{projectKey}/repos/{repositorySlug}/permissions/users", { params: { path: repoPath(name), query: { name: username } } })),
      );
    },

    async deleteRepository({ name }) {
      await unlessMissing(() => send(about(`${projectKey}/${slugOf(name)}`), () => client.DELETE("/api/latest/projects/{projectKey}/repos/{repositorySlug}", { params: { path: repoPath(name) } })));
    },

    async archiveRepository({ name }) {
      await send(about(`${projectKey}/${slugOf(name)}`), () =>
        client.PUT("/api/latest/projects/{projectKey}/repos/{repositorySlug}", { params: { path: repoPath(name) }, body: { archived: true } as never }),
      );
    },
  };
}
