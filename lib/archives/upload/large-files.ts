import { largeFileWarning, runGit } from "../../git-server";

const SHOWN = 20;

/** The warnings for files over 100 MB (largeFileWarning, as pushes give them), at most SHOWN of them and a count of the rest. */
export function largeFileWarnings(files: Iterable<{ path: string; bytes: number }>): string[] {
  const warnings = [...files].map(({ path, bytes }) => largeFileWarning(path, bytes)).filter((warning): warning is string => warning !== null);
  if (warnings.length <= SHOWN) return warnings;
  return [...warnings.slice(0, SHOWN), `... and ${warnings.length - SHOWN} more files over 100 MB.`];
}

/** Every file over 100 MB anywhere in the history of the repository in `dir`, by the first path it had. */
export async function largeFilesInHistory({ dir }: { dir: string }): Promise<{ path: string; bytes: number }[]> {
  const objects = await runGit({ args: ["rev-list", "--objects", "--all"], cwd: dir });
  const sized = await runGit({ args: ["cat-file", "--batch-check=%(objecttype) %(objectsize) %(rest)"], cwd: dir, input: objects });
  const large: { path: string; bytes: number }[] = [];
  for (const line of sized.toString("utf8").split("\n")) {
    const match = /^blob (\d+) (.+)$/.exec(line);
    if (match && largeFileWarning(match[2]!, Number(match[1]))) large.push({ path: match[2]!, bytes: Number(match[1]) });
  }
  return large;
}
