import http from "node:http";
import https from "node:https";
import type net from "node:net";
import { S3Client } from "@aws-sdk/client-s3";
import { NoAuthSigner } from "@smithy/core";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { assertLocationAllowed, safeLookup } from "../network-policy";
import type { S3Credentials, S3Location } from "../types";

export const defaultRegion = "us-east-1";
const timeoutMs = 15_000;

/**
 * An S3Client for one bucket location and one credential (or none), whose every
 * connection goes through Benchtop's network policy: the endpoint is checked
 * first, and names resolve through `safeLookup`, so neither a custom endpoint
 * nor a re-pointed DNS name reaches the server's own network.
 *
 * @throws HostError `not_allowed` / `invalid_location` when the endpoint may not be contacted.
 */
export function createS3Client({ location, credentials }: { location: S3Location; credentials: S3Credentials | null }): S3Client {
  if (location.endpoint) assertLocationAllowed(new URL(location.endpoint), "endpoint");
  const lookup = safeLookup as unknown as net.LookupFunction;
  // Idle sockets close after the timeout and are unref'd by the agent, so
  // an adapter dropped after its request leaves nothing behind.
  const agentOptions = { keepAlive: true, maxSockets: 8, timeout: timeoutMs, lookup };
  const requestHandler = new NodeHttpHandler({
    httpAgent: new http.Agent(agentOptions),
    httpsAgent: new https.Agent(agentOptions),
    connectionTimeout: timeoutMs,
    requestTimeout: timeoutMs,
    throwOnRequestTimeout: true,
    socketTimeout: timeoutMs,
  });
  return new S3Client({
    region: location.region ?? defaultRegion,
    // S3-compatible servers (MinIO, Ceph, Garage) are addressed by path: their
    // operators rarely set up wildcard DNS and certificates for virtual hosts.
    ...(location.endpoint ? { endpoint: location.endpoint, forcePathStyle: true } : {}),
    // The user's endpoint or AWS, never one from the server's AWS_ENDPOINT_URL* or ~/.aws/config.
    ignoreConfiguredEndpointUrls: true,
    requestHandler,
    maxAttempts: 2,
    // Benchtop only reads; asking for checksums trips up some S3-compatible servers.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    ...(credentials ? { credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey, sessionToken: credentials.sessionToken ?? undefined } } : anonymousAuth()),
  });
}

/**
 * Unsigned requests for public buckets, through Smithy's standard "no auth"
 * scheme. Choosing it also keeps the SDK from looking for credentials of its
 * own (environment, ~/.aws, the instance metadata service): a user who gave
 * no keys must never borrow the server's.
 */
function anonymousAuth() {
  return {
    httpAuthSchemes: [{ schemeId: "smithy.api#noAuth", identityProvider: () => async () => ({}), signer: new NoAuthSigner() }],
    httpAuthSchemeProvider: () => [{ schemeId: "smithy.api#noAuth" }],
  };
}
