// Benchtop's HTTP server: Next's request handler behind one step that only a
// server holding the socket can do, deciding which forwarded headers to believe
// (server/client-headers.mjs). `npm start` and the tests run this instead of `next start`.
//
//   node server/benchtop-server.mjs --port 3000 --hostname 0.0.0.0
import http from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import next from "next";
import { normalizeClientHeaders, parseTrustedProxies } from "./client-headers.mjs";

const { values } = parseArgs({ options: { port: { type: "string" }, hostname: { type: "string" } } });
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname ?? process.env.HOSTNAME ?? "0.0.0.0";
const trusted = parseTrustedProxies(process.env.BENCHTOP_TRUSTED_PROXIES);

const app = next({ dev: false, dir: path.resolve(import.meta.dirname, ".."), hostname, port });
await app.prepare();
const handle = app.getRequestHandler();

const server = http.createServer((request, response) => {
  normalizeClientHeaders(request.headers, request.socket.remoteAddress, trusted);
  void handle(request, response);
});
// Node cuts off a request whose body has not all arrived after 5 minutes; an upload of 1 GB
// (Upload project) or a large push over a slow link takes longer. Headers still must come
// within headersTimeout.
server.requestTimeout = 60 * 60 * 1000;
// An idle kept-alive connection is closed by the client or the load balancer in front
// (nginx, ALB: 60 s), never by Benchtop first: a server closing it at the moment the
// other side reuses it makes that request fail with "socket closed" (seen in CI).
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.listen(port, hostname, () => console.log(`Benchtop: listening on http://${hostname}:${port}`));

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
