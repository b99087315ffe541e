// The emulator's answers, built with GitLab's response types as @gitbeaker/core
// publishes them, so that tsc proves each answer has every declared field with
// its declared type. Where GitLab's documented answers are wider than the
// declaration, the type below widens just that field and says why; the runtime
// mirrors in gitbeaker-mirrors.ts allow exactly the same.
import type {
  BranchSchema,
  CondensedNamespaceSchema,
  ExpandedUserSchema,
  PersonalAccessTokenSchema,
  ProjectSchema,
  RepositoryFileExpandedSchema,
  RepositoryTreeSchema,
  SimpleProjectSchema,
} from "@gitbeaker/core";
import { listAllRefs } from "../shared/seed-repo";
import { namespaceFullPath, type EmulatorProject, type EmulatorToken, type EmulatorUser } from "./model";
import { sha256, type CommitInfo, type FileInfo, type TreeEntry } from "./repo-reader";

type Access = ProjectSchema["permissions"]["project_access"];

/**
 * ProjectSchema, except: `permissions` is absent for anonymous callers and each
 * access is null without a membership (GitLab's "Get single project" docs);
 * `owner` is only sent for projects in a user's namespace.
 */
export type ProjectAnswer = Omit<ProjectSchema, "permissions" | "owner"> & {
  owner?: ProjectSchema["owner"];
  permissions?: { project_access: Access | null; group_access: Access | null };
};

/**
 * PersonalAccessTokenSchema, except: `token` is only sent when a token is
 * created or rotated, never by GET /personal_access_tokens/self; `expires_at`
 * is null for a token without expiry.
 */
export type TokenAnswer = Omit<PersonalAccessTokenSchema, "token" | "expires_at"> & { expires_at: string | null };

const CREATED = "2024-01-15T09:30:00.000Z";

function namespaceAnswer(project: EmulatorProject, url: string): CondensedNamespaceSchema {
  const ns = project.namespace;
  const fullPath = namespaceFullPath(ns);
  if (ns.kind === "user") return { id: ns.user.id, name: ns.user.name, path: ns.user.username, kind: "user", full_path: fullPath, parent_id: null, avatar_url: null, web_url: `${url}/${fullPath}` };
  return { id: ns.group.id, name: ns.group.name, path: ns.group.path, kind: "group", full_path: fullPath, parent_id: ns.group.parentId, avatar_url: null, web_url: `${url}/groups/${fullPath}` };
}

/** One entry of GET /projects?simple=true (Entities::BasicProjectDetails), and the start of the full answer. */
export function simpleProjectAnswer({ project, url, defaultBranch }: { project: EmulatorProject; url: string; defaultBranch: string }): SimpleProjectSchema {
  const web = `${url}/${project.fullPath}`;
  const ns = project.namespace;
  return {
    id: project.id,
    description: project.description,
    name: project.name,
    name_with_namespace: `${ns.kind === "group" ? ns.group.name : ns.user.name} / ${project.name}`,
    path: project.path,
    path_with_namespace: project.fullPath,
    created_at: project.createdAt,
    default_branch: defaultBranch,
    topics: [],
    ssh_url_to_repo: `git@${new URL(url).hostname}:${project.fullPath}.git`,
    http_url_to_repo: `${web}.git`,
    web_url: web,
    readme_url: `${web}/-/blob/${defaultBranch}/README.md`,
    forks_count: 0,
    avatar_url: null,
    star_count: 0,
    last_activity_at: project.createdAt,
    namespace: namespaceAnswer(project, url),
  };
}

/** GET /projects/:id. */
export function projectAnswer({ project, url, apiRoot, defaultBranch, access }: { project: EmulatorProject; url: string; apiRoot: string; defaultBranch: string; access: { project: number | null; group: number | null } | null }): ProjectAnswer {
  const web = `${url}/${project.fullPath}`;
  const self = `${apiRoot}/projects/${project.id}`;
  const level = (n: number | null): Access | null => (n === null ? null : { access_level: n, notification_level: 3 });
  const ns = project.namespace;
  return {
    ...simpleProjectAnswer({ project, url, defaultBranch }),
    description_html: project.description ? `<p data-sourcepos="1:1-1:${project.description.length}" dir="auto">${project.description}</p>` : "",
    visibility: project.visibility,
    empty_repo: Object.keys(listAllRefs({ bare: project.bare })).length === 0,
    ...(ns.kind === "user" ? { owner: { id: ns.user.id, name: ns.user.name, created_at: ns.user.createdAt } } : {}),
    issues_enabled: true,
    open_issues_count: 0,
    merge_requests_enabled: true,
    jobs_enabled: true,
    wiki_enabled: true,
    snippets_enabled: true,
    can_create_merge_request_in: true,
    resolve_outdated_diff_discussions: false,
    container_registry_access_level: "enabled",
    security_and_compliance_access_level: "private",
    container_expiration_policy: { cadence: "1d", enabled: false, keep_n: 10, older_than: "90d", name_regex_delete: ".*", name_regex_keep: null, next_run_at: project.createdAt },
    updated_at: project.createdAt,
    creator_id: project.creatorId,
    import_url: null,
    import_type: null,
    import_status: "none",
    import_error: null,
    ...(access ? { permissions: { project_access: level(access.project), group_access: level(access.group) } } : {}),
    archived: project.archived,
    license_url: `${web}/-/blob/${defaultBranch}/LICENSE`,
    license: { key: "mit", name: "MIT License", nickname: "MIT", html_url: "https://choosealicense.com/licenses/mit/", source_url: "https://opensource.org/licenses/MIT" },
    shared_runners_enabled: true,
    group_runners_enabled: true,
    runners_token: `GR1348941${project.id.toString().padStart(12, "0")}`,
    ci_default_git_depth: 20,
    ci_forward_deployment_enabled: true,
    ci_forward_deployment_rollback_allowed: true,
    ci_allow_fork_pipelines_to_run_in_parent_project: true,
    ci_separated_caches: true,
    ci_restrict_pipeline_cancellation_role: "developer",
    public_jobs: true,
    shared_with_groups: [],
    repository_storage: "default",
    only_allow_merge_if_pipeline_succeeds: false,
    allow_merge_on_skipped_pipeline: false,
    ci_pipeline_variables_minimum_override_role: false,
    only_allow_merge_if_all_discussions_are_resolved: false,
    remove_source_branch_after_merge: true,
    printing_merge_requests_link_enabled: true,
    request_access_enabled: true,
    merge_method: "merge",
    squash_option: "default_off",
    auto_devops_enabled: false,
    auto_devops_deploy_strategy: "continuous",
    mirror: false,
    mirror_user_id: 0,
    mirror_trigger_builds: false,
    only_mirror_protected_branches: false,
    mirror_overwrites_diverged_branches: false,
    external_authorization_classification_label: null,
    packages_enabled: true,
    service_desk_enabled: false,
    service_desk_address: null,
    autoclose_referenced_issues: true,
    suggestion_commit_message: null,
    enforce_auth_checks_on_uploads: true,
    merge_commit_template: null,
    squash_commit_template: null,
    issue_branch_template: "",
    marked_for_deletion_on: "",
    compliance_frameworks: [],
    warn_about_potentially_unwanted_characters: true,
    container_registry_image_prefix: `registry.${new URL(url).hostname}/${project.fullPath}`,
    _links: {
      self,
      issues: `${self}/issues`,
      merge_requests: `${self}/merge_requests`,
      repo_branches: `${self}/repository/branches`,
      labels: `${self}/labels`,
      events: `${self}/events`,
      members: `${self}/members`,
      cluster_agents: `${self}/cluster_agents`,
    },
  };
}

/**
 * One entry of GET /projects/:id/repository/branches. The default branch is
 * protected as GitLab sets it up (Maintainers may push); a branch protected
 * with protectBranch allows no one to push.
 */
export function branchAnswer({ name, commit, isDefault, isLocked, merged, callerAccess, webBase }: { name: string; commit: CommitInfo; isDefault: boolean; isLocked: boolean; merged: boolean; callerAccess: number; webBase: string }): BranchSchema {
  return {
    name,
    merged,
    protected: isDefault || isLocked,
    default: isDefault,
    developers_can_push: false,
    developers_can_merge: false,
    can_push: !isLocked && callerAccess >= (isDefault ? 40 : 30),
    web_url: `${webBase}/-/tree/${name}`,
    commit: {
      id: commit.id,
      short_id: commit.id.slice(0, 8),
      title: commit.title,
      message: commit.message,
      author_name: commit.authorName,
      author_email: commit.authorEmail,
      authored_date: commit.authoredDate,
      committer_name: commit.committerName,
      committer_email: commit.committerEmail,
      committed_date: commit.committedDate,
      parent_ids: commit.parentIds,
    },
  };
}

/** One entry of GET /projects/:id/repository/tree. */
export function treeAnswer(entry: TreeEntry): RepositoryTreeSchema {
  return { id: entry.id, name: entry.name, type: entry.type, path: entry.path, mode: entry.mode };
}

/** GET /projects/:id/repository/files/:file_path: the file with its content in base64. */
export function fileAnswer(file: FileInfo, ref: string): RepositoryFileExpandedSchema {
  return {
    file_name: file.name,
    file_path: file.path,
    size: file.content.length,
    encoding: "base64",
    content: file.content.toString("base64"),
    content_sha256: sha256(file.content),
    ref,
    blob_id: file.blobId,
    commit_id: file.commitId,
    last_commit_id: file.lastCommitId,
  };
}

/** GET /personal_access_tokens/self. */
export function tokenAnswer(token: EmulatorToken, today: string): TokenAnswer {
  const expired = token.expiresAt !== null && token.expiresAt <= today;
  return {
    id: token.id,
    name: token.name,
    revoked: token.revoked,
    created_at: token.createdAt,
    scopes: token.scopes,
    user_id: token.userId,
    last_used_at: new Date().toISOString(),
    active: !token.revoked && !expired,
    expires_at: token.expiresAt,
  };
}

/** GET /user: the token's own account (ExpandedUserSchema, as Users.showCurrentUser declares). */
export function currentUserAnswer(user: EmulatorUser, url: string): ExpandedUserSchema {
  return {
    id: user.id,
    name: user.name,
    username: user.username,
    state: "active",
    avatar_url: `https://www.gravatar.com/avatar/${user.id}?s=80&d=identicon`,
    web_url: `${url}/${user.username}`,
    created_at: user.createdAt,
    locked: false,
    bio: "",
    bot: false,
    location: "",
    public_email: null,
    skype: "",
    linkedin: "",
    twitter: "",
    discord: "",
    website_url: "",
    pronouns: null,
    organization: "",
    job_title: "",
    work_information: null,
    followers: 0,
    following: 0,
    local_time: null,
    is_followed: false,
    is_admin: false,
    last_sign_in_at: CREATED,
    confirmed_at: user.createdAt,
    last_activity_on: CREATED.slice(0, 10),
    email: `${user.username}@example.test`,
    theme_id: 1,
    color_scheme_id: 1,
    projects_limit: 100000,
    current_sign_in_at: CREATED,
    note: null,
    identities: [],
    can_create_group: true,
    can_create_project: true,
    two_factor_enabled: false,
    external: false,
    private_profile: null,
    namespace_id: user.id,
    created_by: null,
  };
}
