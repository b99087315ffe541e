// Runs a contract-seeded GitLab emulator in its own process (see start-emulator-process.ts):
// with the group world of org-seed.ts too; prints one JSON line {url, apiRoot, lfsStorageUrl, seed, groupWorld} and stops when stdin closes. GITLAB_EMULATOR_PORT
// picks the port (0 or unset: a free one).
import { seedGitLabContract, startGitLabEmulator } from "./gitlab-emulator";
import { seedGitLabGroupWorld } from "./org-seed";

async function main() {
  const emulator = await startGitLabEmulator({ port: Number(process.env.GITLAB_EMULATOR_PORT ?? 0) });
  const seed = seedGitLabContract(emulator);
  const groupWorld = seedGitLabGroupWorld(emulator);
  process.stdout.write(`${JSON.stringify({ url: emulator.url, apiRoot: emulator.apiRoot, lfsStorageUrl: emulator.lfsStorageUrl, seed, groupWorld })}\n`);
  process.stdin.resume();
  process.stdin.on("end", () => {
    void emulator.stop().then(() => process.exit(0));
  });
}

void main();
