// `npm start`: builds when no current build exists, then serves Benchtop with
// server/benchtop-server.mjs (Next behind the forwarded-header check) on PORT (3000) and HOSTNAME (all interfaces), data in DATA_DIR (./data).
import { spawn } from "node:child_process";
import { ensureBuild } from "./ensure-build.mjs";

ensureBuild();

const port = process.env.PORT || "3000";
const hostname = process.env.HOSTNAME || "0.0.0.0";
const child = spawn(process.execPath, ["server/benchtop-server.mjs", "--port", port, "--hostname", hostname], {
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
});
console.log(`Benchtop: starting on http://localhost:${port}`);

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => child.kill(signal));
}
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
