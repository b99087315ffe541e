import { connectionHostOfLocation, connectionToHost } from "../connections";
import type { User } from "../db";
import { AppError } from "../errors";
import { tokenRequired } from "../hosts/token-required";
import type { RepositoryInput } from "./schema";


/**
 * GitHub Enterprise and Bitbucket Server answer nothing without a credential:
 * a repository there needs a token of its own, unless the owner has a
 * connection to that host (an authorized app, or a token given once).
 */
export function requireCredential(input: RepositoryInput, { owner }: { owner: Pick<User, "id"> }): void {
  if (input.provider === "s3" || input.token || !tokenRequired(input.provider)) return;
  const host = connectionHostOfLocation({ provider: input.provider, location: input.location });
  if (host && connectionToHost({ user: owner, provider: input.provider, host })) return;
  throw new AppError("invalid_input", "A personal access token is required for this provider, unless you connect your account at that host first (Settings, Connections).", {
    fields: { token: "A personal access token is required for this provider." },
  });
}
