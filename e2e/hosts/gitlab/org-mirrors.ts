// Run-time mirrors of the group, member and user types of @gitbeaker/core 43,
// field by field and strict, like gitbeaker-mirrors.ts (whose `mirrors` list
// includes these, so the declaration check in gitlab-emulator.test.ts covers them).
import { z } from "zod";

const str = z.string();
const num = z.number();
const bool = z.boolean();

/** ExpandedGroupSchema (extends GroupSchema extends SimpleGroupSchema extends CondensedGroupSchema). */
export const groupMirror = z.strictObject({
  id: num,
  web_url: str,
  name: str,
  avatar_url: str.nullable(),
  full_name: str,
  full_path: str,
  path: str,
  description: str,
  visibility: z.enum(["public", "internal", "private"]),
  share_with_group_lock: bool,
  require_two_factor_authentication: bool,
  two_factor_grace_period: num,
  project_creation_level: str,
  auto_devops_enabled: bool.optional(),
  subgroup_creation_level: str,
  emails_enabled: bool.optional(),
  mentions_disabled: bool.optional(),
  lfs_enabled: bool,
  default_branch_protection: num,
  request_access_enabled: bool,
  created_at: str,
  // deviation: null for a top-level group.
  parent_id: num.nullable(),
  ldap_cn: str.optional(),
  ldap_access: str.optional(),
  marked_for_deletion_on: str.optional(),
  membership_lock: bool.optional(),
  // deviation: owners only.
  runners_token: str.optional(),
  // deviation: null without a template project.
  file_template_project_id: num.nullable(),
  shared_with_groups: z.array(z.strictObject({ group_id: num, group_name: str, group_full_path: str, group_access_level: num })).nullable(),
  projects: z.array(z.unknown()).optional(),
  shared_projects: z.array(z.unknown()).optional(),
});

/** MemberSchema (extends SimpleMemberSchema extends CondensedMemberSchema). */
export const memberMirror = z.strictObject({
  id: num,
  username: str,
  name: str,
  state: str,
  avatar_url: str,
  web_url: str,
  // deviation: null without expiry.
  expires_at: str.nullable(),
  access_level: z.union([z.literal(0), z.literal(5), z.literal(10), z.literal(20), z.literal(30), z.literal(40), z.literal(50)]),
  // deviation: `email` (administrators only) and `group_saml_identity` (SAML groups only) are not sent.
});

/** SimpleUserSchema: GET /users?username= for a non-administrator. */
export const simpleUserMirror = z.strictObject({ id: num, name: str, username: str, state: str, avatar_url: str, web_url: str, created_at: str });

export const orgMirrors = [
  { declaration: "ExpandedGroupSchema", mirror: groupMirror, deviations: { optional: ["runners_token"], omitted: [] as string[] } },
  { declaration: "MemberSchema", mirror: memberMirror, deviations: { optional: [], omitted: ["email", "group_saml_identity"] } },
  { declaration: "SimpleUserSchema", mirror: simpleUserMirror, deviations: { optional: [], omitted: [] } },
] as const;
