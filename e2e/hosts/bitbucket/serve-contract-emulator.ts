// Runs one Bitbucket emulator seeded for the contract in its own process
// (`node --import tsx serve-contract-emulator.ts cloud|server`), with the
// workspace or project world of org-seed.ts too, printing
// {"url","apiRoot","world"} on its first line and stopping when stdin closes. The
// contract clones with a synchronous git, which would block an emulator
// running in the test's own process.
import { startBitbucketCloudEmulator } from "./bitbucket-cloud-emulator";
import { startBitbucketServerEmulator } from "./bitbucket-server-emulator";
import { seedCloudContract, seedServerContract } from "./contract-seed";
import { seedCloudWorkspaceWorld, seedServerProjectWorld } from "./org-seed";

async function main() {
  const kind = process.argv[2];
  const [emulator, world] =
    kind === "cloud"
      ? await startBitbucketCloudEmulator().then((e) => (seedCloudContract(e), [e, seedCloudWorkspaceWorld(e)] as const))
      : await startBitbucketServerEmulator().then((e) => (seedServerContract(e), [e, seedServerProjectWorld(e)] as const));
  process.stdout.write(`${JSON.stringify({ url: emulator.url, apiRoot: emulator.apiRoot, world })}\n`);
  const stop = () => void emulator.stop().then(() => process.exit(0));
  process.stdin.on("end", stop);
  process.stdin.on("close", stop);
  process.on("SIGTERM", stop);
  process.stdin.resume();
}

void main();
