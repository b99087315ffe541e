export { GatewayError } from "./gateway-error";
export { FORWARDED_REQUEST_HEADERS, FORWARDED_RESPONSE_HEADERS, LIMITS, forwardRequest } from "./forward-request";
export { normalisePath, requestMatchesGitUrl } from "./match-repository";
export { parseAuthority, parseGatewayPath, type GatewayRequest, type GitService } from "./parse-gateway-path";
export { resolveUpstream, type Upstream } from "./resolve-upstream";
export { serveGatewayRequest } from "./serve-gateway-request";
