// Lookups over the emulator's state: who may see what, as GitLab decides it.
import { access, type EmulatorGroup, type EmulatorProject, type EmulatorToken, type EmulatorUser } from "./model";

export type EmulatorState = {
  users: Map<number, EmulatorUser>;
  groups: Map<number, EmulatorGroup>;
  projects: Map<number, EmulatorProject>;
  tokens: Map<string, EmulatorToken>;
};

/** The authenticated caller, or null for an anonymous request. */
export type Caller = { user: EmulatorUser; token: EmulatorToken } | null;

/** A project by numeric id or by full path (GitLab matches paths case-insensitively). */
export function findProject(state: EmulatorState, idOrPath: string): EmulatorProject | null {
  if (/^\d+$/.test(idOrPath)) return state.projects.get(Number(idOrPath)) ?? null;
  const wanted = idOrPath.toLowerCase();
  return [...state.projects.values()].find((p) => p.fullPath.toLowerCase() === wanted) ?? null;
}

/** The caller's memberships: direct on the project, highest through the project's group and its ancestors. */
export function membershipOf(state: EmulatorState, caller: Caller, project: EmulatorProject): { project: number | null; group: number | null; max: number } {
  if (!caller) return { project: null, group: null, max: 0 };
  const ns = project.namespace;
  // The owner of a personal namespace owns its projects.
  const direct = project.members.get(caller.user.id) ?? (ns.kind === "user" && ns.user.id === caller.user.id ? access.owner : null);
  const inherited = ns.kind === "group" ? ancestorsOf(ns.group, state.groups).map((g) => g.members.get(caller.user.id) ?? 0) : [];
  const group = inherited.length && Math.max(...inherited) > 0 ? Math.max(...inherited) : null;
  return { project: direct, group, max: Math.max(direct ?? 0, group ?? 0) };
}

/** Whether the caller may know the project exists (Guest and up on private projects). */
export function maySee(state: EmulatorState, caller: Caller, project: EmulatorProject): boolean {
  if (project.visibility === "public" || (project.visibility === "internal" && caller)) return true;
  return membershipOf(state, caller, project).max >= access.guest;
}

/** Whether the caller may read the repository (Reporter and up on private projects; Guests may not). */
export function mayReadCode(state: EmulatorState, caller: Caller, project: EmulatorProject): boolean {
  if (project.visibility === "public" || (project.visibility === "internal" && caller)) return true;
  return membershipOf(state, caller, project).max >= access.reporter;
}

export const mayPush = (state: EmulatorState, caller: Caller, project: EmulatorProject) => membershipOf(state, caller, project).max >= access.developer;

/** Today as GitLab compares token expiry dates: a token expiring today is already expired. */
export const today = () => new Date().toISOString().slice(0, 10);

/** Personal access tokens expire by date; OAuth tokens to the second. */
export const isExpired = (token: EmulatorToken) => (token.oauth ? token.oauth.expiresAtMs <= Date.now() : token.expiresAt !== null && token.expiresAt <= today());

/** The group chain of a project's namespace, nearest first. */
export function ancestorsOf(group: EmulatorGroup, byId: Map<number, EmulatorGroup>): EmulatorGroup[] {
  const chain: EmulatorGroup[] = [];
  for (let g: EmulatorGroup | undefined = group; g; g = g.parentId === null ? undefined : byId.get(g.parentId)) chain.push(g);
  return chain;
}
