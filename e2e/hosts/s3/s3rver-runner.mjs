// Runs s3rver as its own process for the tests (see start-s3-server.ts).
// Usage: node s3rver-runner.mjs <directory> [port]; prints {"port":N} once listening.
import S3rver from "s3rver";

const [directory, port = "0"] = process.argv.slice(2);
if (!directory) {
  process.stderr.write("usage: s3rver-runner.mjs <directory> [port]\n");
  process.exit(2);
}

const server = new S3rver({ address: "127.0.0.1", port: Number(port), directory, silent: true, vhostBuckets: false });
const address = await server.run();
process.stdout.write(`${JSON.stringify({ port: address.port })}\n`);

const stop = () => server.close().finally(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
// The parent going away (a crashed test run) must not leave the server behind.
process.stdin.on("end", stop);
process.stdin.resume();
