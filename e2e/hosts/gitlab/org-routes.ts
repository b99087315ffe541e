// The group side of the GitLab emulator: groups and their members, users by
// name, projects created in a group, project members, deletion and archiving,
// with GitLab's permission rules and its words for each refusal.
import type { IncomingMessage } from "node:http";
import { readBody, readJsonObject } from "../shared/oauth-http";
import type { ApiRequest } from "./api-routes";
import { projectAnswer } from "./answers";
import { forbidden, insufficientScope, notFound, sendJson, unauthorized } from "./http-answers";
import { access, type EmulatorGroup, type EmulatorProject, type EmulatorUser } from "./model";
import { groupAnswer, memberAnswer, userAnswer } from "./org-answers";
import { readDefaultBranch } from "./repo-reader";
import { ancestorsOf, findProject, maySee, membershipOf, type Caller, type EmulatorState } from "./state";

/** What only the emulator can do to its own state: make and remove bare repositories. */
export type ProjectStore = {
  create(options: { namespace: EmulatorGroup | EmulatorUser; path: string; name: string; visibility: EmulatorProject["visibility"]; description: string | null; initializeWithReadme: boolean; creatorId: number }): EmulatorProject;
  remove(project: EmulatorProject): void;
};

export type OrgRequest = ApiRequest & { req: IncomingMessage; store: ProjectStore };

const LEVELS: number[] = [access.guest, access.reporter, access.developer, access.maintainer, access.owner];
const CREATION_LEVEL = { developer: access.developer, maintainer: access.maintainer, owner: access.owner, noone: Infinity } as const;
const LEVEL_NAMES: Record<number, string> = { 10: "Guest", 20: "Reporter", 30: "Developer", 40: "Maintainer", 50: "Owner" };

/** A group by numeric id or full path (case-insensitive). */
function findGroup(state: EmulatorState, idOrPath: string): EmulatorGroup | null {
  if (/^\d+$/.test(idOrPath)) return state.groups.get(Number(idOrPath)) ?? null;
  return [...state.groups.values()].find((g) => g.fullPath.toLowerCase() === idOrPath.toLowerCase()) ?? null;
}

/** The user's highest membership of the group, inherited from its ancestors. */
export function groupLevel(state: EmulatorState, group: EmulatorGroup, userId: number): number {
  return Math.max(0, ...ancestorsOf(group, state.groups).map((g) => g.members.get(userId) ?? 0));
}

const maySeeGroup = (state: EmulatorState, caller: Caller, group: EmulatorGroup) =>
  group.visibility === "public" || (caller !== null && (group.visibility === "internal" || groupLevel(state, group, caller.user.id) >= access.guest));

/** Every member of a project, direct or through its groups, at their highest level. */
function allProjectMembers(state: EmulatorState, project: EmulatorProject): Map<number, number> {
  const levels = new Map<number, number>();
  const raise = (id: number, level: number) => levels.set(id, Math.max(levels.get(id) ?? 0, level));
  if (project.namespace.kind === "group") for (const g of ancestorsOf(project.namespace.group, state.groups)) g.members.forEach((level, id) => raise(id, level));
  else raise(project.namespace.user.id, access.owner);
  project.members.forEach((level, id) => raise(id, level));
  return levels;
}

/** GETs: groups, a group's member, users by name, a project's members. False when the route is none of these. */
export function handleOrgGet(request: ApiRequest): boolean {
  const { res, url, segments, caller, state, site } = request;
  const [head, id, sub, all, userId] = segments;
  if (head === "users" && segments.length === 1) {
    const username = url.searchParams.get("username");
    const users = [...state.users.values()].filter((u) => !username || u.username.toLowerCase() === username.toLowerCase());
    return sendJson(res, 200, users.map((u) => userAnswer(u, site.url))), true;
  }
  if (head === "groups" && id) {
    const group = findGroup(state, id);
    const known = segments.length === 2 || (sub === "members" && all === "all" && userId && segments.length === 5);
    if (!known) return false;
    if (!group || !maySeeGroup(state, caller, group)) return notFound(res, "Group"), true;
    if (segments.length === 2) {
      const fullName = ancestorsOf(group, state.groups).reverse().map((g) => g.name).join(" / ");
      const owner = caller !== null && groupLevel(state, group, caller.user.id) >= access.owner;
      return sendJson(res, 200, groupAnswer({ group, url: site.url, fullName, owner })), true;
    }
    const user = state.users.get(Number(userId));
    const level = user ? groupLevel(state, group, user.id) : 0;
    return (level ? sendJson(res, 200, memberAnswer(user!, level, site.url)) : notFound(res, "")), true;
  }
  if (head === "projects" && id && sub === "members" && all === "all" && segments.length <= 5) {
    const project = findProject(state, id);
    if (!project || !maySee(state, caller, project)) return notFound(res, "Project"), true;
    const members = allProjectMembers(state, project);
    if (userId) {
      const user = state.users.get(Number(userId));
      return (user && members.get(user.id) ? sendJson(res, 200, memberAnswer(user, members.get(user.id)!, site.url)) : notFound(res, "")), true;
    }
    const answers = [...members].flatMap(([uid, level]) => (state.users.get(uid) ? [memberAnswer(state.users.get(uid)!, level, site.url)] : []));
    return sendJson(res, 200, answers), true;
  }
  return false;
}

/** Parameters from the query string overlaid with the body (JSON or a form), as GitLab's API reads them. */
async function readInput({ req, url }: OrgRequest): Promise<Record<string, unknown> | null> {
  const query = Object.fromEntries(url.searchParams);
  if ((req.headers["content-type"] ?? "").includes("json")) {
    const body = await readJsonObject(req);
    return body && { ...query, ...body };
  }
  return { ...query, ...Object.fromEntries(new URLSearchParams(await readBody(req))) };
}

const truthy = (value: unknown) => value === true || value === "true";

async function createProject(request: OrgRequest, caller: NonNullable<Caller>, input: Record<string, unknown>): Promise<void> {
  const { res, state, site, store } = request;
  const name = typeof input.name === "string" ? input.name.trim() : "";
  const path = typeof input.path === "string" && input.path ? input.path : name.replace(/[^A-Za-z0-9_.-]+/g, "-");
  if (!name && !path) return sendJson(res, 400, { error: "name, path are missing, at least one parameter must be provided" });
  const namespaceId = input.namespace_id === undefined ? String(caller.user.id) : String(input.namespace_id);
  const group = findGroup(state, namespaceId);
  const own = !group && (namespaceId === String(caller.user.id) || namespaceId.toLowerCase() === caller.user.username.toLowerCase());
  if (!own && (!group || !maySeeGroup(state, caller, group))) return notFound(res, "Namespace");
  if (group && groupLevel(state, group, caller.user.id) < CREATION_LEVEL[group.projectCreationLevel]) return sendJson(res, 400, { message: { namespace: ["is not valid"] } });
  const prefix = group ? group.fullPath : caller.user.username;
  const siblings = [...state.projects.values()].filter((p) => p.fullPath.toLowerCase().startsWith(`${prefix.toLowerCase()}/`) && !p.fullPath.slice(prefix.length + 1).includes("/"));
  const taken: Record<string, string[]> = {};
  if (siblings.some((p) => p.name.toLowerCase() === (name || path).toLowerCase())) Object.assign(taken, { "project_namespace.name": ["has already been taken"], name: ["has already been taken"] });
  if (siblings.some((p) => p.path.toLowerCase() === path.toLowerCase())) taken.path = ["has already been taken"];
  if (Object.keys(taken).length) return sendJson(res, 400, { message: taken });
  const visibility = input.visibility === "public" || input.visibility === "internal" ? input.visibility : "private";
  const project = store.create({ namespace: group ?? caller.user, path, name: name || path, visibility, description: typeof input.description === "string" ? input.description : null, initializeWithReadme: truthy(input.initialize_with_readme), creatorId: caller.user.id });
  sendJson(res, 201, projectAnswer({ project, url: site.url, apiRoot: site.apiRoot, defaultBranch: readDefaultBranch(project.bare), access: membershipOf(state, caller, project) }));
}

/** POST/PUT/DELETE on a project's direct members (Maintainers and up). */
function changeMember(request: OrgRequest, project: EmulatorProject, method: string, userId: string | undefined, input: Record<string, unknown>): void {
  const { res, state, site } = request;
  const targetId = Number(method === "POST" ? input.user_id : userId);
  const user = state.users.get(targetId);
  if (method === "POST" && input.user_id === undefined) return sendJson(res, 400, { error: "user_id is missing" });
  if (!user) return notFound(res, method === "POST" ? "User" : "Member");
  if (method === "DELETE") {
    if (!project.members.has(user.id)) return notFound(res, "Member");
    project.members.delete(user.id);
    return void res.writeHead(204).end();
  }
  const level = Number(input.access_level);
  if (!LEVELS.includes(level)) return sendJson(res, 400, { error: "access_level does not have a valid value" });
  if (method === "POST" && project.members.has(user.id)) return sendJson(res, 409, { message: "Member already exists" });
  if (method === "PUT" && !project.members.has(user.id)) return notFound(res, "Member");
  const inherited = project.namespace.kind === "group" ? groupLevel(state, project.namespace.group, user.id) : 0;
  if (level < inherited) return sendJson(res, 400, { message: { access_level: [`should be greater than or equal to ${LEVEL_NAMES[inherited]} inherited membership from group ${project.namespace.kind === "group" ? project.namespace.group.name : ""}`] } });
  project.members.set(user.id, level);
  sendJson(res, method === "POST" ? 201 : 200, memberAnswer(user, level, site.url));
}

/** POST, PUT and DELETE under /api/v4 (the API's write side); answers 404 for anything else. */
export async function handleOrgWrite(request: OrgRequest): Promise<void> {
  const { req, res, segments, caller, state, site, store } = request;
  const method = req.method ?? "POST";
  if (!caller) return unauthorized(res);
  if (!caller.token.scopes.includes("api")) return insufficientScope(res, ["api"]);
  const input = await readInput(request);
  if (!input) return sendJson(res, 400, { error: "400 Bad request" });
  const [head, id, sub, userId] = segments;
  if (head === "projects" && segments.length === 1 && method === "POST") return createProject(request, caller, input);
  if (head !== "projects" || !id) return sendJson(res, 404, { error: "404 Not Found" });
  const project = findProject(state, id);
  if (!project || !maySee(state, caller, project)) return notFound(res, "Project");
  const level = membershipOf(state, caller, project).max;
  const routes: Record<string, () => void> = {
    "DELETE ": () => {
      if (level < access.owner) return forbidden(res);
      store.remove(project);
      sendJson(res, 202, { message: "202 Accepted" });
    },
    "POST archive": () => {
      if (level < access.owner) return forbidden(res);
      project.archived = true;
      sendJson(res, 201, projectAnswer({ project, url: site.url, apiRoot: site.apiRoot, defaultBranch: readDefaultBranch(project.bare), access: membershipOf(state, caller, project) }));
    },
    "POST unarchive": () => {
      if (level < access.owner) return forbidden(res);
      project.archived = false;
      sendJson(res, 201, projectAnswer({ project, url: site.url, apiRoot: site.apiRoot, defaultBranch: readDefaultBranch(project.bare), access: membershipOf(state, caller, project) }));
    },
  };
  const route = routes[`${method} ${sub ?? ""}`];
  if (route && segments.length <= 3) return route();
  const memberRoute = sub === "members" && ((method === "POST" && segments.length === 3) || ((method === "PUT" || method === "DELETE") && segments.length === 4));
  if (!memberRoute) return sendJson(res, 404, { error: "404 Not Found" });
  if (level < access.maintainer) return forbidden(res);
  changeMember(request, project, method, userId, input);
}
