import { randomBytes } from "node:crypto";
import os from "node:os";

/** This process among the instances sharing the database: host, process id, and a random part for restarts that reuse the id. */
export const newInstanceId = () => `${os.hostname()}/${process.pid}/${randomBytes(3).toString("hex")}`;
