// Starts the built app (`next start`) on a free loopback port with its own DATA_DIR,
// for integration tests and Playwright. Stops the whole process group on `stop()`.
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

async function waitForHttp(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The app exited with code ${child.exitCode} while starting.`);
    try {
      const response = await fetch(url, { redirect: "manual" });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`The app did not answer at ${url} within ${timeoutMs} ms.`);
}

export async function startAppServer({ port, env = {}, dataDir, logFile } = {}) {
  const chosenPort = port ?? (await freePort());
  const dir = dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "benchtop-app-"));
  const out = logFile ? fs.openSync(logFile, "a") : "ignore";
  const child = spawn(process.execPath, ["server/benchtop-server.mjs", "--port", String(chosenPort), "--hostname", "localhost"], {
    cwd: path.resolve(import.meta.dirname, "../.."),
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", DATA_DIR: dir, ...env },
    stdio: ["ignore", out, out],
    detached: true,
  });
  const baseUrl = `http://localhost:${chosenPort}`;
  const stop = async () => {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
    await new Promise((r) => setTimeout(r, 200));
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      // already gone
    }
  };
  try {
    await waitForHttp(`${baseUrl}/login`, child, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, dataDir: dir, pid: child.pid, stop };
}
