// The GitLab emulator's answers for groups, members and users, built with the
// response types @gitbeaker/core publishes (tsc proves every declared field is
// there with its type). Where GitLab's documented answers are wider than the
// declaration, the type widens just that field and says why; org-mirrors.ts
// allows exactly the same at run time.
import type { ExpandedGroupSchema, MemberSchema, SimpleUserSchema } from "@gitbeaker/core";
import type { EmulatorGroup, EmulatorUser } from "./model";

/**
 * ExpandedGroupSchema (Groups.show), except: `parent_id` and
 * `file_template_project_id` are null for a top-level group and when no
 * template project is set; `runners_token` is only sent to the group's owners.
 */
export type GroupAnswer = Omit<ExpandedGroupSchema, "parent_id" | "file_template_project_id" | "runners_token"> & { parent_id: number | null; file_template_project_id: number | null; runners_token?: string };

/**
 * MemberSchema, except: `expires_at` is null for a membership without expiry;
 * `email` is only sent to administrators (and for enterprise users) and
 * `group_saml_identity` only in groups with SAML sign-in, so neither is sent here.
 */
export type MemberAnswer = Omit<MemberSchema, "expires_at" | "email" | "group_saml_identity"> & { expires_at: string | null };

const avatar = (user: EmulatorUser) => `https://www.gravatar.com/avatar/${user.id}?s=80&d=identicon`;

/** GET /groups/:id (with_projects=false: GitLab's default answer also lists projects, which Benchtop never reads). */
export function groupAnswer({ group, url, fullName, owner }: { group: EmulatorGroup; url: string; fullName: string; owner: boolean }): GroupAnswer {
  return {
    id: group.id,
    web_url: `${url}/groups/${group.fullPath}`,
    name: group.name,
    avatar_url: null,
    full_name: fullName,
    full_path: group.fullPath,
    path: group.path,
    description: "",
    visibility: group.visibility,
    share_with_group_lock: false,
    require_two_factor_authentication: false,
    two_factor_grace_period: 48,
    project_creation_level: group.projectCreationLevel,
    subgroup_creation_level: "maintainer",
    emails_enabled: true,
    lfs_enabled: true,
    default_branch_protection: 2,
    request_access_enabled: true,
    created_at: "2024-01-15T09:30:00.000Z",
    parent_id: group.parentId,
    membership_lock: false,
    ...(owner ? { runners_token: `GR1348941${String(group.id).padStart(12, "0")}` } : {}),
    file_template_project_id: null,
    shared_with_groups: [],
  };
}

/** One member of a project or group (direct or inherited). */
export function memberAnswer(user: EmulatorUser, accessLevel: number, url: string): MemberAnswer {
  return { id: user.id, username: user.username, name: user.name, state: "active", avatar_url: avatar(user), web_url: `${url}/${user.username}`, expires_at: null, access_level: accessLevel as MemberSchema["access_level"] };
}

/** One entry of GET /users?username= as a non-administrator sees it. */
export function userAnswer(user: EmulatorUser, url: string): SimpleUserSchema {
  return { id: user.id, name: user.name, username: user.username, state: "active", avatar_url: avatar(user), web_url: `${url}/${user.username}`, created_at: user.createdAt };
}
