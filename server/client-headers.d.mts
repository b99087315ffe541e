import type { BlockList } from "node:net";
import type { IncomingHttpHeaders } from "node:http";

export const CLIENT_ADDRESS_HEADER: "x-benchtop-client-address";
export function parseTrustedProxies(value: string | undefined): BlockList;
export function normalizeClientHeaders(headers: IncomingHttpHeaders | Record<string, string>, socketAddress: string | undefined, trusted: BlockList): string;
