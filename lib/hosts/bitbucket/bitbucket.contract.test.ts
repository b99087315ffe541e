// The adapter contract against both emulators: Cloud as bitbucket.org with its
// API and git pointed at the emulator, Server at the emulator's own origin. The
// emulators run in child processes because the contract clones with a blocking git.
import { contractTokens as tokens } from "@/e2e/hosts/bitbucket/contract-seed";
import { startEmulatorProcess } from "@/e2e/hosts/bitbucket/start-emulator-process";
import { parseRepoLocation } from "../location";
import { runGitHostContract } from "../test-support/contract";
import { createBitbucketAdapter } from "./create-bitbucket-adapter";

/** Sets environment variables for one fixture and gives back a function restoring them. */
function setEnv(values: Record<string, string>): () => void {
  const before = Object.fromEntries(Object.keys(values).map((k) => [k, process.env[k]]));
  Object.assign(process.env, values);
  return () => {
    for (const [k, v] of Object.entries(before)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
}

runGitHostContract("bitbucket (cloud)", async () => {
  const emulator = await startEmulatorProcess("cloud");
  const restoreEnv = setEnv({ BENCHTOP_BITBUCKET_API_URL: emulator.apiRoot, BENCHTOP_INSECURE_HOSTS: new URL(emulator.url).host });
  const where = { seeded: "https://bitbucket.org/team/models", missing: "https://bitbucket.org/team/missing", private: "https://bitbucket.org/secret/vault" };
  return {
    adapter: ({ token, repo = "seeded" }) =>
      createBitbucketAdapter({ location: parseRepoLocation({ provider: "bitbucket", location: where[repo] }), token, gitOrigin: emulator.url }),
    tokens,
    expected: { fullName: "team/models" },
    async stop() {
      restoreEnv();
      await emulator.stop();
    },
  };
});

runGitHostContract("bitbucket-server", async () => {
  const emulator = await startEmulatorProcess("server");
  const restoreEnv = setEnv({ BENCHTOP_INSECURE_HOSTS: new URL(emulator.url).host });
  const where = { seeded: "projects/DS/repos/models", missing: "projects/DS/repos/missing", private: "projects/SEC/repos/vault" };
  return {
    adapter: ({ token, repo = "seeded" }) =>
      createBitbucketAdapter({ location: parseRepoLocation({ provider: "bitbucket-server", location: `${emulator.url}/${where[repo]}` }), token }),
    tokens,
    expected: { fullName: "DS/models" },
    async stop() {
      restoreEnv();
      await emulator.stop();
    },
  };
});
