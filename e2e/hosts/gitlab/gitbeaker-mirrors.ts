// Run-time mirrors of GitLab's response types as @gitbeaker/core 43 declares
// them (node_modules/@gitbeaker/core/dist/index.d.ts), field by field, so that
// the emulator's actual HTTP answers can be checked, not only its builders.
// Each mirror is strict: a field the declaration does not have fails the check.
// gitlab-emulator.test.ts also compares each mirror's fields and optionality
// with the declaration itself (via the TypeScript compiler), so a mirror cannot
// drift from what it claims to mirror. `deviations` lists the only differences,
// each one where GitLab's documented answer is wider than the declaration.
import { z } from "zod";
import { orgMirrors } from "./org-mirrors";

const str = z.string();
const num = z.number();
const bool = z.boolean();
const nullable = <T extends z.ZodType>(t: T) => t.nullable();

/** CondensedNamespaceSchema. */
export const condensedNamespaceMirror = z.strictObject({
  id: num,
  name: str,
  path: str,
  kind: str,
  full_path: str,
  parent_id: nullable(num).optional(),
  avatar_url: nullable(str),
  web_url: str,
});

const accessMirror = z.strictObject({ access_level: num, notification_level: num });

/** ProjectLicenseSchema. */
const licenseMirror = z.strictObject({ key: str, name: str, nickname: str, html_url: str, source_url: str });

/** SimpleProjectSchema (extends CondensedProjectSchema): GET /projects?simple=true. */
export const simpleProjectMirror = z.strictObject({
  // CondensedProjectSchema
  id: num,
  web_url: str,
  name: str,
  path: str,
  // SimpleProjectSchema
  description: nullable(str),
  name_with_namespace: str,
  path_with_namespace: str,
  created_at: str,
  default_branch: str,
  topics: nullable(z.array(str)),
  ssh_url_to_repo: str,
  http_url_to_repo: str,
  readme_url: nullable(str),
  forks_count: num,
  avatar_url: nullable(str),
  star_count: num,
  last_activity_at: str,
  namespace: condensedNamespaceMirror,
});

/** ProjectSchema (extends SimpleProjectSchema extends CondensedProjectSchema). */
export const projectMirror = z.strictObject({
  ...simpleProjectMirror.shape,
  // ProjectSchema
  description_html: str,
  visibility: z.enum(["public", "internal", "private"]),
  merge_requests_template: str.optional(),
  empty_repo: bool,
  issues_template: str.optional(),
  // deviation: only for projects in a user's namespace.
  owner: z.strictObject({ id: num, name: str, created_at: str }).optional(),
  issues_enabled: bool,
  open_issues_count: num,
  merge_requests_enabled: bool,
  jobs_enabled: bool,
  wiki_enabled: bool,
  snippets_enabled: bool,
  can_create_merge_request_in: bool,
  resolve_outdated_diff_discussions: bool,
  container_registry_access_level: str,
  security_and_compliance_access_level: str,
  container_expiration_policy: z.strictObject({
    cadence: str,
    enabled: bool,
    keep_n: nullable(num),
    older_than: nullable(str),
    name_regex_delete: nullable(str),
    name_regex_keep: nullable(str),
    next_run_at: str,
  }),
  updated_at: str,
  creator_id: num,
  import_url: nullable(str),
  import_type: nullable(str),
  import_status: str,
  import_error: nullable(str),
  // deviation: absent for anonymous callers; each access null without a membership.
  permissions: z.strictObject({ project_access: nullable(accessMirror), group_access: nullable(accessMirror) }).optional(),
  archived: bool,
  license_url: str,
  license: licenseMirror,
  shared_runners_enabled: bool,
  group_runners_enabled: bool,
  runners_token: str,
  ci_default_git_depth: num,
  ci_forward_deployment_enabled: bool,
  ci_forward_deployment_rollback_allowed: bool,
  ci_allow_fork_pipelines_to_run_in_parent_project: bool,
  ci_separated_caches: bool,
  ci_restrict_pipeline_cancellation_role: str,
  public_jobs: bool,
  shared_with_groups: nullable(z.array(z.strictObject({ group_id: num, group_name: str, group_full_path: str, group_access_level: num }))),
  repository_storage: str,
  only_allow_merge_if_pipeline_succeeds: bool,
  allow_merge_on_skipped_pipeline: bool,
  ci_pipeline_variables_minimum_override_role: bool,
  only_allow_merge_if_all_discussions_are_resolved: bool,
  remove_source_branch_after_merge: bool,
  printing_merge_requests_link_enabled: bool,
  request_access_enabled: bool,
  merge_method: str,
  squash_option: str,
  auto_devops_enabled: bool,
  auto_devops_deploy_strategy: str,
  mirror: bool,
  mirror_user_id: num,
  mirror_trigger_builds: bool,
  only_mirror_protected_branches: bool,
  mirror_overwrites_diverged_branches: bool,
  external_authorization_classification_label: nullable(str),
  packages_enabled: bool,
  service_desk_enabled: bool,
  service_desk_address: nullable(str),
  autoclose_referenced_issues: bool,
  suggestion_commit_message: nullable(str),
  enforce_auth_checks_on_uploads: bool,
  merge_commit_template: nullable(str),
  squash_commit_template: nullable(str),
  issue_branch_template: str,
  marked_for_deletion_on: str,
  compliance_frameworks: nullable(z.array(str)),
  warn_about_potentially_unwanted_characters: bool,
  container_registry_image_prefix: str,
  _links: z.strictObject({ self: str, issues: str, merge_requests: str, repo_branches: str, labels: str, events: str, members: str, cluster_agents: str }),
});

/** MappedOmit<CommitSchema, 'web_url' | 'created_at'> (CommitSchema extends CondensedCommitSchema). */
export const branchCommitMirror = z.strictObject({
  id: str,
  short_id: str,
  message: str,
  title: str,
  author_email: str,
  author_name: str,
  parent_ids: z.array(str).optional(),
  authored_date: str.optional(),
  committer_name: str.optional(),
  committer_email: str.optional(),
  committed_date: str.optional(),
});

/** BranchSchema. */
export const branchMirror = z.strictObject({
  name: str,
  merged: bool,
  protected: bool,
  default: bool,
  developers_can_push: bool,
  developers_can_merge: bool,
  can_push: bool,
  web_url: str,
  commit: branchCommitMirror,
});

/** RepositoryTreeSchema. */
export const treeEntryMirror = z.strictObject({ id: str, name: str, type: str, path: str, mode: str });

/** RepositoryFileExpandedSchema. */
export const fileMirror = z.strictObject({
  file_name: str,
  file_path: str,
  size: num,
  encoding: str,
  content: str,
  content_sha256: str,
  ref: str,
  blob_id: str,
  commit_id: str,
  last_commit_id: str,
});

/** PersonalAccessTokenSchema. */
export const tokenMirror = z.strictObject({
  id: num,
  name: str,
  revoked: bool,
  created_at: str,
  scopes: z.array(str).optional(),
  user_id: num,
  last_used_at: str,
  active: bool,
  // deviation: null for a token without expiry.
  expires_at: nullable(str).optional(),
  // deviation: `token` is only in the answers that create or rotate a token.
});

/** ExpandedUserSchema (extends UserSchema extends SimpleUserSchema), what Users.showCurrentUser declares for GET /user. */
export const currentUserMirror = z.strictObject({
  // SimpleUserSchema
  id: num,
  name: str,
  username: str,
  state: str,
  avatar_url: str,
  web_url: str,
  created_at: str,
  // UserSchema
  locked: nullable(bool),
  bio: nullable(str),
  bot: bool,
  location: nullable(str),
  public_email: nullable(str),
  skype: nullable(str),
  linkedin: nullable(str),
  twitter: nullable(str),
  discord: nullable(str),
  website_url: nullable(str),
  pronouns: nullable(str),
  organization: nullable(str),
  job_title: nullable(str),
  work_information: nullable(str),
  followers: nullable(num),
  following: nullable(num),
  local_time: nullable(str),
  is_followed: nullable(bool),
  // ExpandedUserSchema
  is_admin: nullable(bool),
  last_sign_in_at: str,
  confirmed_at: str,
  last_activity_on: str,
  email: str,
  theme_id: num,
  color_scheme_id: num,
  projects_limit: num,
  current_sign_in_at: nullable(str),
  note: nullable(str),
  identities: nullable(z.array(z.strictObject({ provider: str, extern_uid: str, saml_provider_id: num }))),
  can_create_group: bool,
  can_create_project: bool,
  two_factor_enabled: bool,
  external: bool,
  private_profile: nullable(str),
  namespace_id: nullable(num),
  created_by: nullable(str),
});

/** Which declaration each mirror follows, and where it knowingly differs. */
export const mirrors = [
  { declaration: "ProjectSchema", mirror: projectMirror, deviations: { optional: ["owner", "permissions"], omitted: [] as string[] } },
  { declaration: "SimpleProjectSchema", mirror: simpleProjectMirror, deviations: { optional: [], omitted: [] } },
  { declaration: "CondensedNamespaceSchema", mirror: condensedNamespaceMirror, deviations: { optional: [], omitted: [] } },
  { declaration: "BranchSchema", mirror: branchMirror, deviations: { optional: [], omitted: [] } },
  { declaration: "CommitSchema", mirror: branchCommitMirror, deviations: { optional: [], omitted: ["web_url", "created_at"] } },
  { declaration: "RepositoryTreeSchema", mirror: treeEntryMirror, deviations: { optional: [], omitted: [] } },
  { declaration: "RepositoryFileExpandedSchema", mirror: fileMirror, deviations: { optional: [], omitted: [] } },
  { declaration: "PersonalAccessTokenSchema", mirror: tokenMirror, deviations: { optional: [], omitted: ["token"] } },
  { declaration: "ExpandedUserSchema", mirror: currentUserMirror, deviations: { optional: [], omitted: [] } },
  ...orgMirrors,
] as const;
