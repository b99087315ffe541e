import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

// Times are stored as milliseconds since the epoch (timestamp_ms) and surface as Date.
const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(cast(unixepoch('subsecond') * 1000 as integer))`);

export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  handle: text("handle").notNull().unique(),
  passwordHash: text("password_hash").notNull(),
  role: text("role", { enum: ["admin", "user"] }).notNull().default("user"),
  disabled: integer("disabled", { mode: "boolean" }).notNull().default(false),
  createdAt: createdAt(),
});

export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    // SHA-256 of the token, hex; the token itself is never stored.
    digest: text("digest").notNull().unique(),
    createdAt: createdAt(),
    lastUsedAt: integer("last_used_at", { mode: "timestamp_ms" }),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("api_tokens_user_idx").on(t.userId)],
);

export const projects = sqliteTable(
  "projects",
  {
    id: text("id").primaryKey(),
    ownerId: text("owner_id")
      .notNull()
      .references(() => users.id),
    name: text("name").notNull(),
    // Lower-cased name: project names are unique per owner regardless of case.
    nameKey: text("name_key").notNull(),
    description: text("description").notNull().default(""),
    backend: text("backend", { enum: ["internal", "external", "remote"] })
      .notNull()
      .default("internal"),
    defaultBranch: text("default_branch").notNull().default("main"),
    /** How a session opens the project's .ipynb files: "notebook" (the notebook view) or "code" (the code editor). */
    defaultEditor: text("default_editor", { enum: ["notebook", "code"] })
      .notNull()
      .default("notebook"),
    /** For backend "remote": the registered repository the project is linked to (its owner's). */
    repositoryId: text("repository_id"),
    /** For backend "external": the organization backend its repository lives in, and its name there. */
    vcsBackendId: text("vcs_backend_id"),
    remoteName: text("remote_name"),
    /** For backend "external": the repository's web address at the host, as the host gave it when it was created. */
    remoteLocation: text("remote_location"),
    lastPushAt: integer("last_push_at", { mode: "timestamp_ms" }),
    /**
     * "creating" while its repository is being made: hidden from everyone but
     * holding its name; removed at start if the server stopped before "ready".
     */
    state: text("state", { enum: ["creating", "ready"] })
      .notNull()
      .default("ready"),
    failedOperation: text("failed_operation"),
    failedMessage: text("failed_message"),
    failedAt: integer("failed_at", { mode: "timestamp_ms" }),
    /** Who reported the failure (they may dismiss it whatever their role); copied, not referenced. */
    failedById: text("failed_by_id"),
    /**
     * The move (a row of `jobs`) that is taking the project's repository to another
     * backend: while it is set, pushes are refused with "being moved" and nothing
     * else writes to the repository. Cleared when the move ends, moved or not.
     */
    movingJobId: text("moving_job_id"),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }),
  },
  (t) => [uniqueIndex("projects_owner_name_idx").on(t.ownerId, t.nameKey)],
);

export const collaborators = sqliteTable(
  "collaborators",
  {
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: ["viewer", "editor"] }).notNull(),
    /**
     * For an external project: the account at its host that was given access
     * for this collaborator (their connection's login when it was granted);
     * null while they wait to connect. Kept rather than derived from the
     * connection, so that a grant that failed reads as waiting, and a removal
     * withdraws the account that was granted even after they disconnect.
     */
    hostAccount: text("host_account", { mode: "json" }).$type<{ login: string; id: string | null }>(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.userId] }), index("collaborators_user_idx").on(t.userId)],
);

// Paths a project on Benchtop's git server answered at before a rename or a change
// of owner: /git/{handle}/{name}.git still reaches it (git is redirected to the
// current path) until expiresAt, unless a project takes the path again, which
// removes the row. One row per path; deleting the project removes its rows.
export const projectOldPaths = sqliteTable(
  "project_old_paths",
  {
    handle: text("handle").notNull(),
    /** Lower-cased name, as projects.name_key. */
    nameKey: text("name_key").notNull(),
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.handle, t.nameKey] }), index("project_old_paths_project_idx").on(t.projectId)],
);

// Audit events outlive their project (the admin audit keeps deleted projects' events),
// so project and actor are copied in rather than referenced.
export const auditEvents = sqliteTable(
  "audit_events",
  {
    id: text("id").primaryKey(),
    projectId: text("project_id"),
    projectName: text("project_name"),
    actorId: text("actor_id"),
    actorEmail: text("actor_email"),
    action: text("action").notNull(),
    detail: text("detail", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("audit_project_at_idx").on(t.projectId, t.at), index("audit_at_idx").on(t.at)],
);

// Failed sign-ins, kept in the database so that every app instance sees the same counts.
export const signInFailures = sqliteTable(
  "sign_in_failures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(),
    address: text("address").notNull(),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("sign_in_failures_email_idx").on(t.email, t.at), index("sign_in_failures_address_idx").on(t.address, t.at)],
);

// Browser sessions: the id is carried in next-auth's session cookie and the row must
// exist on every request, so signing out, disabling a user or changing their
// password or role ends their sessions on every instance at once.
export const browserSessions = sqliteTable(
  "browser_sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    lastSeenAt: integer("last_seen_at", { mode: "timestamp_ms" }).notNull(),
    userAgent: text("user_agent"),
    address: text("address"),
  },
  (t) => [index("browser_sessions_user_idx").on(t.userId), index("browser_sessions_seen_idx").on(t.lastSeenAt)],
);

// What a user is told: plain text written by the server (never HTML), newest first,
// unread until they mark it read. A deleted project's notifications keep their text
// (the user was told something happened, and may still need to know it) but lose
// their link, which would lead nowhere.
export const notifications = sqliteTable(
  "notifications",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** What happened, for scripts: "operation.failed". */
    kind: text("kind").notNull(),
    message: text("message").notNull(),
    projectId: text("project_id").references(() => projects.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    readAt: integer("read_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("notifications_user_created_idx").on(t.userId, t.createdAt), index("notifications_project_idx").on(t.projectId)],
);

export type User = typeof users.$inferSelect;
export type ApiToken = typeof apiTokens.$inferSelect;
export type BrowserSession = typeof browserSessions.$inferSelect;
export type Project = typeof projects.$inferSelect;
export type Collaborator = typeof collaborators.$inferSelect;
export type ProjectOldPath = typeof projectOldPaths.$inferSelect;
export type AuditEvent = typeof auditEvents.$inferSelect;
export type Notification = typeof notifications.$inferSelect;
export type ProjectRole = "owner" | "editor" | "viewer" | "admin";

// Repositories and buckets users registered elsewhere. Credentials are sealed
// (lib/secrets) and never leave the server.
export const repositories = sqliteTable(
  "repositories",
  {
    id: text("id").primaryKey(),
    ownerId: text("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    provider: text("provider", { enum: ["github", "github-enterprise", "gitlab", "gitlab-self-managed", "bitbucket", "bitbucket-server", "s3"] }).notNull(),
    name: text("name").notNull(),
    nameKey: text("name_key").notNull(),
    /** The repository's web address, or s3://bucket for a bucket. */
    location: text("location").notNull(),
    description: text("description").notNull().default(""),
    bucket: text("bucket"),
    region: text("region"),
    endpoint: text("endpoint"),
    sealedCredentials: text("sealed_credentials"),
    tokenExpiresAt: integer("token_expires_at", { mode: "timestamp_ms" }),
    lastTestOk: integer("last_test_ok", { mode: "boolean" }),
    lastTestAt: integer("last_test_at", { mode: "timestamp_ms" }),
    lastTestMessage: text("last_test_message"),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }),
  },
  (t) => [uniqueIndex("repositories_owner_name_idx").on(t.ownerId, t.nameKey)],
);

export type Repository = typeof repositories.$inferSelect;

// OAuth applications an administrator registered at GitHub and GitLab, one per
// (provider, host). The client secret is sealed (lib/secrets) and never leaves the server.
export const oauthApps = sqliteTable(
  "oauth_apps",
  {
    id: text("id").primaryKey(),
    provider: text("provider", { enum: ["github", "github-enterprise", "gitlab", "gitlab-self-managed"] }).notNull(),
    /** host[:port], lower-case; github.com or gitlab.com for the cloud providers. */
    host: text("host").notNull(),
    kind: text("kind", { enum: ["oauth-app", "github-app"] }).notNull().default("oauth-app"),
    clientId: text("client_id").notNull(),
    /** Sealed with the context `oauth-app:{id}:secret`. */
    sealedClientSecret: text("sealed_client_secret").notNull(),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }),
  },
  (t) => [uniqueIndex("oauth_apps_provider_host_idx").on(t.provider, t.host)],
);

export type OAuthApp = typeof oauthApps.$inferSelect;

// An organization on a git host where project repositories live, as an admin applied
// it. Rows are never edited: applying new settings adds a row, so projects created
// under earlier settings keep the host, organization and token they were made with.
export const vcsBackends = sqliteTable("vcs_backends", {
  id: text("id").primaryKey(),
  type: text("type", { enum: ["github", "gitlab", "bitbucket", "bitbucket-server"] }).notNull(),
  name: text("name").notNull(),
  /** The API root, e.g. https://ghe.example.com/api/v3. */
  url: text("url").notNull(),
  /** The git host as host[:port], lower-case. */
  credentialHostname: text("credential_hostname").notNull(),
  repositoryTemplate: text("repository_template").notNull(),
  organization: text("organization").notNull(),
  username: text("username").notNull(),
  /** The service account's token, sealed with the context `vcs-backend:{id}:token`. */
  sealedToken: text("sealed_token").notNull(),
  onDelete: text("on_delete", { enum: ["delete", "archive"] }).notNull(),
  createdAt: createdAt(),
});

export type VcsBackendRow = typeof vcsBackends.$inferSelect;

// Repositories a project no longer uses but that are kept until an admin removes
// them: the old copy after a move between backends, or a repository at a host that
// could not be deleted or archived when its project was deleted. Listed in the
// admin console. The project is copied in rather than referenced (it may be gone).
export const retiredRepositories = sqliteTable("retired_repositories", {
  id: text("id").primaryKey(),
  projectId: text("project_id").notNull(),
  projectName: text("project_name").notNull(),
  /** "internal": a folder on Benchtop's git server; "external": a repository in an organization at its host. */
  location: text("location", { enum: ["internal", "external"] }).notNull(),
  /** internal: the folder's name under the repositories root; external: the repository's name at the host. */
  path: text("path").notNull(),
  /** For "external": the backend (organization and service account) it lives in. */
  vcsBackendId: text("vcs_backend_id"),
  reason: text("reason", { enum: ["moved", "delete_failed"] }).notNull(),
  /** What went wrong, for "delete_failed". */
  message: text("message"),
  createdAt: createdAt(),
});

export type RetiredRepository = typeof retiredRepositories.$inferSelect;

// Instance-wide settings an admin changes at run time (JSON values), shared by every instance.
export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  value: text("value", { mode: "json" }).$type<unknown>().notNull(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});

// The user's own accounts at git hosts: the credential the git gateway uses for
// a host when a repository has none of its own. Tokens are sealed (lib/secrets).
export const connections = sqliteTable(
  "connections",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    provider: text("provider", { enum: ["github", "github-enterprise", "gitlab", "gitlab-self-managed", "bitbucket", "bitbucket-server"] }).notNull(),
    /** host[:port], lower case (no port when it is the scheme's default). */
    host: text("host").notNull(),
    login: text("login").notNull(),
    /**
     * The account's immutable id at the host, where the host names users by it
     * rather than by login (Bitbucket Cloud: its UUID, which repository
     * permissions take); null for other hosts and for connections made before.
     */
    accountId: text("account_id"),
    /**
     * The Atlassian account's email a Bitbucket Cloud API token signs in with
     * (HTTP Basic {email}:{token}); its presence marks the token as a person's
     * API token rather than an access token. Null elsewhere. Not a secret, so
     * kept plain like users' own emails, but never logged or audited.
     */
    email: text("email"),
    method: text("method", { enum: ["oauth", "token"] }).notNull(),
    sealedToken: text("sealed_token").notNull(),
    sealedRefreshToken: text("sealed_refresh_token"),
    scopes: text("scopes", { mode: "json" }).$type<string[]>(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }),
    /**
     * While a request refreshes this connection's OAuth token, the time until
     * which it holds the claim: every other request waits for its result
     * instead of spending the (single-use) refresh token a second time.
     */
    refreshClaimedUntil: integer("refresh_claimed_until", { mode: "timestamp_ms" }),
    /** Why the user must connect again (refresh refused, token revoked); null while the connection works. */
    reconnectReason: text("reconnect_reason"),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }),
  },
  (t) => [uniqueIndex("connections_user_provider_host_idx").on(t.userId, t.provider, t.host)],
);

export type Connection = typeof connections.$inferSelect;

// OAuth authorization requests between the redirect to a provider and its
// callback: the state (stored as its SHA-256 digest) ties the callback to the
// user who started it; the PKCE verifier is sealed. One use, ten minutes.
export const oauthRequests = sqliteTable("oauth_requests", {
  stateDigest: text("state_digest").primaryKey(),
  userId: text("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  provider: text("provider", { enum: ["github", "github-enterprise", "gitlab", "gitlab-self-managed"] }).notNull(),
  host: text("host").notNull(),
  /** Sealed with the context `oauth-request:{stateDigest}:verifier`. */
  sealedCodeVerifier: text("sealed_code_verifier").notNull(),
  /** The Benchtop path to return to after the callback (always a local path). */
  returnTo: text("return_to").notNull(),
  expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  createdAt: createdAt(),
});

export type OAuthRequest = typeof oauthRequests.$inferSelect;

/** Where a move takes a project's repository: Benchtop's own git server, or an external backend's organization. */
export type MoveTarget = { type: "internal" } | { type: "external"; backendId: string };

/**
 * What a job works on, kept between attempts so that a job resumed after a restart
 * knows what it had done: the repository it created at the host (deleted again if
 * the move fails before the switch), and whether the project already switched
 * (with the report of what moved).
 */
export type JobPayload = { target: MoveTarget; projectName: string; createdRepository?: string; switched?: boolean; report?: string };

// Background work claimed from the database, so that it survives a restart and never
// runs twice: an instance claims a job with one atomic UPDATE and holds a lease it
// renews while it works; a job whose lease ran out (its server stopped) is claimed
// again and starts over, every step being safe to repeat.
export const jobs = sqliteTable(
  "jobs",
  {
    id: text("id").primaryKey(),
    kind: text("kind", { enum: ["project.move"] }).notNull(),
    projectId: text("project_id").notNull(),
    payload: text("payload", { mode: "json" }).$type<JobPayload>().notNull(),
    /** One admin request that moved several projects at once. */
    batchId: text("batch_id").notNull(),
    /** The administrator who asked for it (copied, not referenced: the record outlives them). */
    requestedById: text("requested_by_id"),
    state: text("state", { enum: ["queued", "running", "done", "failed"] }).notNull().default("queued"),
    /** What it is doing now, for the page. */
    step: text("step").notNull().default("queued"),
    /** When failed: why, in words an admin can act on; when done: what moved. */
    message: text("message"),
    attempts: integer("attempts").notNull().default(0),
    /** The instance (host, process) holding the job, and until when. */
    claimedBy: text("claimed_by"),
    leaseUntil: integer("lease_until", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
    startedAt: integer("started_at", { mode: "timestamp_ms" }),
    finishedAt: integer("finished_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("jobs_state_idx").on(t.state, t.createdAt), index("jobs_batch_idx").on(t.batchId), index("jobs_project_idx").on(t.projectId)],
);

export type Job = typeof jobs.$inferSelect;

// What a project publishes: its files at one commit, served by Benchtop at /deploy/{slug}/.
export const deployments = sqliteTable(
  "deployments",
  {
    id: text("id").primaryKey(),
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** The deployment's own path segment, unique in the instance and kept when it is renamed. */
    slug: text("slug").notNull().unique(),
    /** The branch, tag or commit it deploys. */
    ref: text("ref").notNull(),
    /** A branch followed to its latest commit on each redeploy (else the commit the ref named when it was set). */
    track: integer("track", { mode: "boolean" }).notNull().default(false),
    /** For a deployment that does not track: the commit its ref named when it was set. */
    pinnedCommit: text("pinned_commit"),
    visibility: text("visibility", { enum: ["private", "signed-in", "public"] }).notNull().default("private"),
    /** Whether it is served; a stopped deployment keeps its configuration and deploys. */
    stopped: integer("stopped", { mode: "boolean" }).notNull().default(false),
    /** The deploy being served; null until the first one succeeds. */
    currentDeployId: text("current_deploy_id"),
    /** Why the latest run failed (the deployment shows red); null once a run succeeds. */
    failure: text("failure"),
    failedRunId: text("failed_run_id"),
    createdById: text("created_by_id"),
    createdAt: createdAt(),
  },
  (t) => [index("deployments_project_idx").on(t.projectId)],
);

export type Deployment = typeof deployments.$inferSelect;

// Each time a deployment started serving a commit: the history the deployment page shows and rolls back to.
export const deploys = sqliteTable(
  "deploys",
  {
    id: text("id").primaryKey(),
    deploymentId: text("deployment_id")
      .notNull()
      .references(() => deployments.id, { onDelete: "cascade" }),
    commit: text("commit").notNull(),
    /** The ref as it was resolved ("main", "v1.2", or the commit). */
    ref: text("ref").notNull(),
    runId: text("run_id").notNull(),
    /** Who asked (null for a schedule); copied, not referenced: the record outlives them. */
    deployedById: text("deployed_by_id"),
    /** For a rollback: the earlier deploy it brought back. */
    rollbackOfId: text("rollback_of_id"),
    createdAt: createdAt(),
  },
  (t) => [index("deploys_deployment_idx").on(t.deploymentId, t.createdAt)],
);

export type Deploy = typeof deploys.$inferSelect;

// Redeploys on a cron expression in an IANA time zone; nextRunAt is claimed with a conditional
// UPDATE, so of several instances exactly one starts each due run.
export const schedules = sqliteTable(
  "schedules",
  {
    id: text("id").primaryKey(),
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    deploymentId: text("deployment_id")
      .notNull()
      .references(() => deployments.id, { onDelete: "cascade" }),
    cron: text("cron").notNull(),
    timezone: text("timezone").notNull(),
    enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
    /** When it is next due; null when disabled or when the expression never fires again. */
    nextRunAt: integer("next_run_at", { mode: "timestamp_ms" }),
    createdById: text("created_by_id"),
    createdAt: createdAt(),
  },
  (t) => [index("schedules_due_idx").on(t.enabled, t.nextRunAt), index("schedules_deployment_idx").on(t.deploymentId)],
);

export type Schedule = typeof schedules.$inferSelect;

// One redeploy, manual or scheduled: claimed from the database like jobs (one UPDATE, a lease
// renewed while it works), so two instances never run the same run.
export const runs = sqliteTable(
  "runs",
  {
    id: text("id").primaryKey(),
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    deploymentId: text("deployment_id")
      .notNull()
      .references(() => deployments.id, { onDelete: "cascade" }),
    scheduleId: text("schedule_id"),
    trigger: text("trigger", { enum: ["manual", "schedule"] }).notNull(),
    status: text("status", { enum: ["queued", "running", "succeeded", "failed", "skipped"] }).notNull().default("queued"),
    /** For a scheduled run: the time it was due (unique per schedule, so a due time runs once). */
    dueAt: integer("due_at", { mode: "timestamp_ms" }),
    /** For a rollback: the earlier deploy to serve again. */
    rollbackOfId: text("rollback_of_id"),
    /** The commit it deployed (or tried to). */
    commit: text("commit"),
    requestedById: text("requested_by_id"),
    /** Why it failed or was skipped, in words. */
    message: text("message"),
    /** What it did, line by line, with times. */
    log: text("log").notNull().default(""),
    claimedBy: text("claimed_by"),
    leaseUntil: integer("lease_until", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
    startedAt: integer("started_at", { mode: "timestamp_ms" }),
    finishedAt: integer("finished_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    index("runs_project_idx").on(t.projectId, t.createdAt),
    index("runs_status_idx").on(t.status, t.createdAt),
    index("runs_deployment_idx").on(t.deploymentId, t.status),
    uniqueIndex("runs_schedule_due_idx").on(t.scheduleId, t.dueAt),
  ],
);

export type Run = typeof runs.$inferSelect;

// Git LFS objects on Benchtop's git server, one row per content (its SHA-256),
// the file at DATA_DIR/lfs/objects/{oid[0:2]}/{oid[2:4]}/{oid}. Projects share
// them through lfs_object_refs: an object no project refers to any more is removed.
export const lfsObjects = sqliteTable("lfs_objects", {
  oid: text("oid").primaryKey(),
  size: integer("size").notNull(),
  createdAt: createdAt(),
});

export type LfsObject = typeof lfsObjects.$inferSelect;

// Which projects hold an object: written when it is uploaded to a project (or the
// project is copied), removed with the project. An object row cannot go while referred to.
export const lfsObjectRefs = sqliteTable(
  "lfs_object_refs",
  {
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    oid: text("oid")
      .notNull()
      .references(() => lfsObjects.oid),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.oid] }), index("lfs_object_refs_oid_idx").on(t.oid)],
);

// Git LFS file locks (`git lfs lock`): one per path and project, held by one user.
export const lfsLocks = sqliteTable(
  "lfs_locks",
  {
    id: text("id").primaryKey(),
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    path: text("path").notNull(),
    ownerId: text("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("lfs_locks_project_path_idx").on(t.projectId, t.path)],
);

export type LfsLock = typeof lfsLocks.$inferSelect;
