import { getDeploymentBySlug, getProjectWithOwnerById, getUserById, type Deployment, type Project, type User } from "../db";
import { canRead, roleOf } from "../projects";
import { openSecret, sealSecret } from "../secrets";
import { publicDeploymentsAllowed } from "./public-deployments";

/** What a visit to a deployment's URL gets, before any file is read. */
export type Visit =
  | { kind: "serve"; deployment: Deployment; project: Project }
  | { kind: "sign-in" }
  | { kind: "not-found" };

/**
 * Who may see a deployment: anyone for a public one (while an administrator
 * allows public deployments; else as for "signed-in"), anyone signed in for
 * "signed-in", the project's members for "private". A visitor who is not signed
 * in is asked to; one signed in without access gets the same answer as for a
 * deployment that does not exist, so its existence does not leak.
 */
export function visitDeployment({ slug, user }: { slug: string; user: User | undefined }): Visit {
  const deployment = getDeploymentBySlug({ slug });
  const found = deployment && getProjectWithOwnerById({ id: deployment.projectId });
  if (!deployment || !found) return { kind: "not-found" };
  const visibility = deployment.visibility === "public" && !publicDeploymentsAllowed() ? "signed-in" : deployment.visibility;
  if (visibility === "public") return { kind: "serve", deployment, project: found.project };
  if (!user) return { kind: "sign-in" };
  if (visibility === "signed-in") return { kind: "serve", deployment, project: found.project };
  const role = roleOf({ project: found.project, user });
  return role && canRead(role) ? { kind: "serve", deployment, project: found.project } : { kind: "not-found" };
}

// On a deploy origin of its own, Benchtop's session cookie never arrives: a visitor
// signed in at Benchtop is handed a pass for one deployment, sealed with the
// instance's key, first for a minute in a URL and then as a cookie on that
// deployment's path only. Each visit checks the person's access again.
const CONTEXT = "deploy-access";
export const ACCESS_LINK_MS = 60_000;
export const ACCESS_COOKIE_MS = 8 * 60 * 60_000;

export function sealDeployPass({ deploymentId, userId, validMs, now = Date.now() }: { deploymentId: string; userId: string; validMs: number; now?: number }): string {
  return sealSecret({ plaintext: JSON.stringify({ d: deploymentId, u: userId, e: now + validMs }), context: CONTEXT });
}

/** The enabled user a pass names, when it is genuine, unexpired and for this deployment. */
export function openDeployPass({ pass, deploymentId, now = Date.now() }: { pass: string | undefined | null; deploymentId: string; now?: number }): User | undefined {
  if (!pass) return undefined;
  try {
    const { d, u, e } = JSON.parse(openSecret({ sealed: pass, context: CONTEXT })) as { d: string; u: string; e: number };
    if (d !== deploymentId || typeof e !== "number" || e < now) return undefined;
    const user = getUserById({ id: u });
    return user && !user.disabled ? user : undefined;
  } catch {
    return undefined;
  }
}

/** The cookie holding a deployment's pass on the deploy origin. */
export const deployPassCookie = (deployment: Pick<Deployment, "id">) => `benchtop-deploy-${deployment.id}`;
