import { getEnv } from "../config/env";

/** Where deployments are served under an origin: /deploy/{slug}/. */
export const DEPLOY_PATH_PREFIX = "/deploy/";

export function deploymentPath({ slug }: { slug: string }): string {
  return `${DEPLOY_PATH_PREFIX}${encodeURIComponent(slug)}/`;
}

/** BENCHTOP_DEPLOY_ORIGIN (scheme, host and port only), when deployments have an origin of their own. */
export function deployOrigin(): string | null {
  const configured = getEnv().BENCHTOP_DEPLOY_ORIGIN;
  return configured ? new URL(configured).origin : null;
}

/** A deployment's absolute URL: on the deploy origin when one is configured, else on Benchtop's own. */
export function deploymentUrl({ slug, appOrigin }: { slug: string; appOrigin: string }): string {
  return new URL(deploymentPath({ slug }), deployOrigin() ?? appOrigin).toString();
}
