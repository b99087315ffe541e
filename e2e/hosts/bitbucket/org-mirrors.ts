// zod mirrors of the OpenAPI-generated types the project and workspace
// endpoints answer with (users, permitted users, projects, workspace and
// repository permissions), in the style of openapi-mirror.ts: each `satisfies`
// proves that what the mirror accepts is a value of the generated type.
import type { components as Cloud } from "@coderabbitai/bitbucket/cloud/openapi";
import type { operations, components as Server } from "@coderabbitai/bitbucket/server/openapi";
import { z } from "zod";
import { cloudLink, cloudPage, cloudUser, serverPage, serverProject } from "./openapi-mirror";

type C = Cloud["schemas"];
type S = Server["schemas"];
type Ok<Op extends keyof operations> = operations[Op]["responses"] extends { 200: { content: { "application/json": infer T } } } ? T : never;

// ---- Bitbucket Server / Data Center (REST 1.0) ----

/** Mirrors S["RestApplicationUser"] (closed; `links` a free record there, holding Bitbucket's `self` link list). */
export const serverApplicationUser = z.strictObject({
  active: z.boolean().optional(),
  avatarUrl: z.string().optional(),
  displayName: z.string().optional(),
  emailAddress: z.string().optional(),
  id: z.number().int().optional(),
  links: z.strictObject({ self: z.array(z.strictObject({ href: z.url() })) }).optional(),
  name: z.string().optional(),
  slug: z.string().optional(),
  type: z.enum(["NORMAL", "SERVICE"]).optional(),
}) satisfies z.ZodType<S["RestApplicationUser"]>;

/** Mirrors S["RestPermittedUser"] (closed). */
export const serverPermittedUser = z.strictObject({
  permission: z.enum(["ADMIN", "LICENSED_USER", "PROJECT_ADMIN", "PROJECT_CREATE", "PROJECT_READ", "PROJECT_VIEW", "PROJECT_WRITE", "REPO_ADMIN", "REPO_CREATE", "REPO_READ", "REPO_WRITE", "SYS_ADMIN", "USER_ADMIN"]).optional(),
  user: serverApplicationUser.optional(),
}) satisfies z.ZodType<S["RestPermittedUser"]>;

/** GET .../permissions/users on a project (getUsersWithAnyPermission_1) or a repository (_2). */
export const serverPermittedUserPage = serverPage(serverPermittedUser) satisfies z.ZodType<Ok<"getUsersWithAnyPermission_1">> & z.ZodType<Ok<"getUsersWithAnyPermission_2">>;

/** GET /projects (getProjects). */
export const serverProjectPage = serverPage(serverProject) satisfies z.ZodType<Ok<"getProjects">>;

// ---- Bitbucket Cloud (REST 2.0) ----

/** Mirrors C["user"] (open) with the fields GET /user sends: `created_on` from account, `links` as user_links. */
export const cloudAccount = cloudUser.extend({
  created_on: z.iso.datetime({ offset: true }).optional(),
  links: z.looseObject({ self: cloudLink.optional(), html: cloudLink.optional(), avatar: cloudLink.optional() }).optional(),
}) satisfies z.ZodType<C["user"]>;

/**
 * Mirrors C["workspace_membership"] (open). `permission` (owner, collaborator
 * or member) is in every real answer and in Atlassian's documented example,
 * though the schema leaves it to the open record.
 */
export const cloudWorkspaceMembership = z.looseObject({
  type: z.literal("workspace_membership"),
  permission: z.enum(["owner", "collaborator", "member"]),
  user: cloudAccount.extend({ type: z.literal("account") }).optional(),
  workspace: z.looseObject({ type: z.literal("workspace"), slug: z.string().optional(), name: z.string().optional(), uuid: z.string().optional() }).optional(),
  links: z.looseObject({ self: cloudLink.optional() }).optional(),
}) satisfies z.ZodType<C["workspace_membership"]>;

/** Mirrors C["repository_user_permission"] (open). */
export const cloudRepositoryUserPermission = z.looseObject({
  type: z.string(),
  permission: z.enum(["admin", "none", "read", "write"]).optional(),
  user: cloudAccount.optional(),
  repository: z.looseObject({ type: z.literal("repository"), full_name: z.string().optional(), name: z.string().optional(), uuid: z.string().optional() }).optional(),
  links: z.looseObject({ self: cloudLink.optional() }).optional(),
}) satisfies z.ZodType<C["repository_user_permission"]>;

export const cloudWorkspaceMembershipPage = cloudPage(cloudWorkspaceMembership) satisfies z.ZodType<C["paginated_workspace_memberships"]>;
export const cloudRepositoryUserPermissionPage = cloudPage(cloudRepositoryUserPermission) satisfies z.ZodType<C["paginated_repository_user_permissions"]>;
