import { proxy } from "comlink";
import type { Progress } from "@/lib/workspace/types";

/**
 * Options carrying an onProgress callback across to the worker. Comlink only
 * proxies marked values at the top level of an argument, so the whole options
 * object is proxied: the worker's `onProgress(...)` then calls back into this page.
 */
export function progressOptions(onProgress: (progress: Progress) => void): { onProgress: (progress: Progress) => void };
/** With other options beside the callback: the worker awaits each of them (lib/workspace/worker/workspace-api.ts). */
export function progressOptions<T extends object>(onProgress: (progress: Progress) => void, options: T): T & { onProgress: (progress: Progress) => void };
export function progressOptions(onProgress: (progress: Progress) => void, options: object = {}) {
  return proxy({ ...options, onProgress });
}
