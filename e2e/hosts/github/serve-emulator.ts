// Runs a GitHub emulator in its own process, seeded with the contract world, the
// organization world (org-seed.ts) and the organization access world
// (org-access-seed.ts), and prints {"url","apiRoot","lfsStorageUrl","world","orgWorld","accessWorld"}
// as one line on stdout. Tests that drive the
// real `git` synchronously (the adapter contract clones with execFileSync) need
// the emulator outside their own event loop. Run: node --import tsx serve-emulator.ts
import { seedGitHubContractWorld } from "./contract-seed";
import { startGitHubEmulator } from "./github-emulator";
import { seedGitHubAccessWorld } from "./org-access-seed";
import { seedGitHubOrgWorld } from "./org-seed";

async function main() {
  const emulator = await startGitHubEmulator({ port: Number(process.env.GITHUB_EMULATOR_PORT ?? 0), lfsStoragePort: Number(process.env.GITHUB_EMULATOR_LFS_STORAGE_PORT ?? 0) });
  const world = seedGitHubContractWorld(emulator);
  const orgWorld = seedGitHubOrgWorld(emulator);
  const accessWorld = seedGitHubAccessWorld(emulator);
  const stop = () => void emulator.stop().finally(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  // The parent going away closes stdin: do not outlive it.
  process.stdin.on("end", stop).resume();
  process.stdout.write(`${JSON.stringify({ url: emulator.url, apiRoot: emulator.apiRoot, lfsStorageUrl: emulator.lfsStorageUrl, world, orgWorld, accessWorld })}\n`);
}

void main();
