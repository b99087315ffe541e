export function ensureBuild(options?: { force?: boolean }): void;
