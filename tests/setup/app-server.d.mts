export function freePort(): Promise<number>;
export function startAppServer(options?: {
  port?: number;
  env?: Record<string, string>;
  dataDir?: string;
  logFile?: string;
}): Promise<{ baseUrl: string; dataDir: string; pid: number | undefined; stop(): Promise<void> }>;
