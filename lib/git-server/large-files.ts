/**
 * The warning for a file over 100 MB, as uploads and pushes give it (a
 * warning, never a refusal), or null for a smaller file. Such files make every
 * clone and session slow; large-file storage is made for them.
 *
 * Self-contained on purpose: the git server's pre-receive hook runs this
 * function's source as it is, so the body may use nothing from outside itself.
 */
export function largeFileWarning(path: string, bytes: number): string | null {
  const MB = 1024 * 1024;
  if (bytes <= 100 * MB) return null;
  const shown = JSON.stringify(path.length > 120 ? `${path.slice(0, 120)}…` : path);
  return `${shown} is ${Math.round(bytes / MB)} MB. Files over 100 MB make every clone and session slow: keep them in large-file storage made for them (Git LFS, https://git-lfs.com) rather than in the repository.`;
}
