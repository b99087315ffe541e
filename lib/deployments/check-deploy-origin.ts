import { getEnv } from "../config/env";
import { deployOrigin } from "./deployment-urls";

/**
 * A deploy origin of its own only works when Benchtop knows its own public
 * origin too (visitors are sent there to sign in) and the two differ (else
 * deployed scripts would share Benchtop's origin). Checked at start, so a
 * wrong setting stops the server with what to change rather than serving
 * deployments unsafely.
 */
export function checkDeployOrigin(): void {
  const origin = deployOrigin();
  if (!origin) return;
  const env = getEnv();
  const own = env.BENCHTOP_URL ?? env.AUTH_URL;
  if (!own) throw new Error("BENCHTOP_DEPLOY_ORIGIN is set but BENCHTOP_URL is not: set BENCHTOP_URL to Benchtop's own public address, where visitors of deployments sign in.");
  if (new URL(own).origin === origin) throw new Error("BENCHTOP_DEPLOY_ORIGIN must be another origin than BENCHTOP_URL (for instance https://deploy.bench.example.com): deployed pages must not share Benchtop's.");
}
