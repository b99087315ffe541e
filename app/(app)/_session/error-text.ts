/** The shape a failed workspace call rejects with (a WorkspaceError sent over Comlink). */
export type WorkspaceFailure = { code?: string; message?: string; paths?: string[] };

// Words for the failures a person can act on, used when the worker sends no message.
const FALLBACK: Record<string, string> = {
  offline: "The server could not be reached. Check your connection and try again; your work is kept in this browser.",
  unauthorized: "Your sign-in has expired. Sign in again in another tab, then try again.",
  forbidden: "You do not have permission to do this. Ask the project's owner for editor access.",
  push_rejected: "The remote has commits you do not have. Nothing was lost: pull them, then push again.",
  quota_exceeded: "This browser's storage is full. Free some space (for example, reset the local copies of other projects) and try again.",
};

export function failureOf(error: unknown): WorkspaceFailure {
  if (typeof error === "object" && error !== null) return error as WorkspaceFailure;
  return { message: typeof error === "string" ? error : undefined };
}

export function codeOf(error: unknown): string | undefined {
  return failureOf(error).code;
}

/** A sentence that says what went wrong and what to do about it. */
export function describeError(error: unknown): string {
  const { code, message } = failureOf(error);
  if (message && message.trim()) return message;
  return (code && FALLBACK[code]) || "Something went wrong. Try again; if it keeps failing, reload the page.";
}

export function shortOid(oid: string | null | undefined): string {
  return oid ? oid.slice(0, 7) : "";
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}
