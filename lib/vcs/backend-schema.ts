import { z } from "zod";
import { isCloudStandIn } from "../hosts/location";

/** Where project repositories live: Benchtop's own git server, or an organization on a git host. */
export const EXTERNAL_BACKEND_TYPES = ["github", "gitlab", "bitbucket", "bitbucket-server"] as const;
export type ExternalBackendType = (typeof EXTERNAL_BACKEND_TYPES)[number];
/** The types an admin can choose (every external type). */
export const AVAILABLE_BACKEND_TYPES = ["github", "gitlab", "bitbucket", "bitbucket-server"] as const satisfies readonly ExternalBackendType[];
export type AvailableBackendType = (typeof AVAILABLE_BACKEND_TYPES)[number];

export const DEFAULT_REPOSITORY_TEMPLATE = "{owner}-{id}";

const required = (what: string, max = 200) => z.string({ error: `Give the ${what}.` }).trim().min(1, `Give the ${what}.`).max(max, `Use at most ${max} characters for the ${what}.`);

const apiRoot = z
  .string({ error: "Give the URL of the host's API." })
  .trim()
  .min(1, "Give the URL of the host's API.")
  .max(500)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "https:" || url.protocol === "http:") && !url.username && !url.password && !url.search && !url.hash;
    } catch {
      return false;
    }
  }, "Give the API's URL, such as https://api.github.com or https://ghe.example.com/api/v3, without a user name or query.")
  .transform((value) => value.replace(/\/+$/, ""));

const credentialHostname = z
  .string({ error: "Give the git host's name." })
  .trim()
  .toLowerCase()
  .regex(/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/, "Give the git host as host or host:port, such as github.com or git.example.com:8443, without https://.");

/** An external backend as the admin enters it (PUT /api/v1/admin/vcs). `authToken` may be left out to keep the stored one. */
export const externalBackendInputSchema = z.object({
  type: z.enum(AVAILABLE_BACKEND_TYPES, { error: "Choose GitHub (github.com or GitHub Enterprise Server), GitLab (gitlab.com or self-managed), Bitbucket Cloud or Bitbucket Server / Data Center." }),
  name: required("name", 100),
  url: apiRoot,
  credentialHostname,
  repository: z.string().trim().min(1).max(200).default(DEFAULT_REPOSITORY_TEMPLATE),
  organization: required("organization, group, workspace or project key"),
  username: required("administrator's user name"),
  authToken: z.string().trim().max(4096).optional(),
  onDelete: z.enum(["delete", "archive"], { error: "Choose what deleting a project does: delete or archive." }).default("archive"),
}).superRefine((backend, context) => {
  // Members' Bitbucket Cloud connections are kept under bitbucket.org, which is where
  // hostConnectionOf and the gateway look for them; only a stand-in for tests and
  // labs (a host on BENCHTOP_INSECURE_HOSTS, see isCloudStandIn) may be another.
  if (backend.type !== "bitbucket" || backend.credentialHostname === "bitbucket.org") return;
  const [, hostname = "", port = "80"] = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(backend.credentialHostname) ?? [];
  if (isCloudStandIn({ provider: "bitbucket", hostname, port })) return;
  context.addIssue({ code: "custom", path: ["credentialHostname"], message: "Bitbucket Cloud's git host is bitbucket.org, where members connect their Bitbucket accounts. Give bitbucket.org." });
});
export type ExternalBackendInput = z.infer<typeof externalBackendInputSchema>;

export const backendInputSchema = z.discriminatedUnion("type", [z.object({ type: z.literal("internal") }), externalBackendInputSchema]);
export type BackendInput = z.infer<typeof backendInputSchema>;

/** An external backend's settings without its token, as they are shown. */
export type ExternalSettings = Omit<ExternalBackendInput, "authToken">;
/** An external backend with its token (held sealed at rest). */
export type ExternalBackend = ExternalSettings & { authToken: string };
export type Backend = { type: "internal" } | ExternalBackend;
