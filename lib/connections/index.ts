export { toConnectionView, expiresSoon, type ConnectionView } from "./connection-view";
export { createTokenConnection } from "./create-connection";
export { credentialForHost } from "./credential-for-host";
export { deleteConnection } from "./delete-connection";
export { CLOUD_HOSTS, connectionHostOfLocation, defaultHostOf, resolveHost } from "./host";
export { listConnections, loadConnection } from "./list-connections";
export { tokenConnectionInputSchema, type TokenConnectionInput } from "./schema";
