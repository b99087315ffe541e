// A project (Server) and a workspace (Cloud) for the external repository
// backend: a service account that administers it, users who connect their own
// accounts, and their tokens. Shared by the emulators' tests and the backend's.
import type { BitbucketCloudEmulator } from "./bitbucket-cloud-emulator";
import type { BitbucketServerEmulator } from "./bitbucket-server-emulator";

export type BitbucketServerProjectWorld = {
  /** The project key the backend keeps repositories in. */
  project: string;
  /** HTTP access tokens, each acting as its user: svc-benchtop (PROJECT_ADMIN of LABS), alice and bob (no permission), wendy (PROJECT_WRITE). */
  tokens: { service: string; alice: string; bob: string; writer: string };
};

/** Seeds project LABS (and OTHER), users svc-benchtop, alice, bob and wendy, and a token for each. */
export function seedServerProjectWorld(emulator: BitbucketServerEmulator): BitbucketServerProjectWorld {
  emulator.seedProject({ key: "LABS", name: "Labs" });
  emulator.seedProject({ key: "OTHER", name: "Other" });
  for (const name of ["svc-benchtop", "alice", "bob", "wendy"]) emulator.seedUser({ name, displayName: name[0]!.toUpperCase() + name.slice(1) });
  emulator.grantProjectPermission({ key: "LABS", user: "svc-benchtop", permission: "PROJECT_ADMIN" });
  emulator.grantProjectPermission({ key: "LABS", user: "wendy", permission: "PROJECT_WRITE" });
  const tokens = { service: "bbs-svc-token", alice: "bbs-alice-token", bob: "bbs-bob-token", writer: "bbs-wendy-token" };
  for (const [token, user] of [[tokens.service, "svc-benchtop"], [tokens.alice, "alice"], [tokens.bob, "bob"], [tokens.writer, "wendy"]] as const) emulator.seedToken({ token, user });
  return { project: "LABS", tokens };
}

type CloudAccount = { nickname: string; uuid: string; accountId: string; email: string; token: string };

export type BitbucketCloudWorkspaceWorld = {
  workspace: string;
  /** Owner of the workspace. */
  service: CloudAccount;
  /** A member (may create repositories, reaches none by default). */
  alice: CloudAccount;
  /** Not in the workspace. */
  bob: CloudAccount;
  /** A collaborator of the workspace. */
  guest: CloudAccount;
};

/** Seeds workspace `labs` (owner svc-benchtop, member alice, collaborator gus), bob outside it, and a token for each. */
export function seedCloudWorkspaceWorld(emulator: BitbucketCloudEmulator): BitbucketCloudWorkspaceWorld {
  const account = (nickname: string, displayName?: string): CloudAccount => {
    const token = `bbc-${nickname}-token`;
    const ids = emulator.seedUser({ nickname, displayName });
    emulator.seedToken({ token, user: nickname });
    return { nickname, token, ...ids };
  };
  const world = { workspace: "labs", service: account("svc-benchtop", "Benchtop"), alice: account("alice"), bob: account("bob"), guest: account("gus") };
  emulator.setWorkspaceRole({ workspace: "labs", user: "svc-benchtop", role: "owner" });
  emulator.setWorkspaceRole({ workspace: "labs", user: "alice", role: "member" });
  emulator.setWorkspaceRole({ workspace: "labs", user: "gus", role: "collaborator" });
  return world;
}
