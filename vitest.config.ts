import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(__dirname) };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          // Emulators of git hosts are checked against the providers' own descriptions here too.
          include: ["lib/**/*.test.ts", "app/**/*.test.ts", "server/**/*.test.ts", "e2e/hosts/**/*.test.ts", "tests/architecture/**/*.test.ts"],
          setupFiles: ["tests/setup/unit-data-dir.ts"],
          environment: "node",
          // Several unit tests drive the real git binary; 5 s is too tight on a busy 2-core machine.
          testTimeout: 20_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          // tests/security: the attacks Benchtop was probed with, each test named after one.
          include: ["tests/integration/**/*.test.ts", "tests/security/**/*.test.ts"],
          globalSetup: ["tests/setup/start-server.ts"],
          environment: "node",
          // One server is shared; files run one after another so that the memory
          // measurement of the large push is not disturbed by other tests.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
