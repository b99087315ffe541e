// GET /user/repos: the repositories the token's account may reach, as owner,
// collaborator or organization member (an organization's admins here), with
// GitHub's filters, sorting and Link pagination. Private repositories are
// listed only when the token covers them ("repo" scope, or a fine-grained or
// GitHub App token that selects them).
import type { ServerResponse } from "node:http";
import type { Bodies, Site } from "./emulator-bodies";
import { type Auth, sendApi } from "./emulator-http";
import type { EmulatorState, SeededRepo } from "./emulator-state";
import { paginate } from "./link-pagination";

const DOCS = "https://docs.github.com/enterprise-server@3.19/rest/repos/repos#list-repositories-for-the-authenticated-user";

type Affiliation = "owner" | "collaborator" | "organization_member";

function affiliationOf(state: EmulatorState, repo: SeededRepo, login: string): Affiliation | null {
  if (repo.owner.toLowerCase() === login.toLowerCase()) return "owner";
  const owner = state.findAccount(repo.owner);
  if (owner?.type === "Organization" && owner.admins.some((admin) => admin.toLowerCase() === login.toLowerCase())) return "organization_member";
  return state.roleOf(repo, login) ? "collaborator" : null;
}

/** The filters GitHub reads; `type` cannot be combined with `visibility` or `affiliation` (422). */
function readFilters(search: URLSearchParams): { visibility: string; affiliations: Affiliation[]; sort: string; direction: "asc" | "desc" } | null {
  const type = search.get("type");
  if (type && (search.has("visibility") || search.has("affiliation"))) return null;
  const byType: Record<string, { visibility: string; affiliations: Affiliation[] }> = {
    all: { visibility: "all", affiliations: ["owner", "collaborator", "organization_member"] },
    owner: { visibility: "all", affiliations: ["owner"] },
    public: { visibility: "public", affiliations: ["owner", "collaborator", "organization_member"] },
    private: { visibility: "private", affiliations: ["owner", "collaborator", "organization_member"] },
    member: { visibility: "all", affiliations: ["collaborator", "organization_member"] },
  };
  const chosen = type ? byType[type] : undefined;
  if (type && !chosen) return null;
  const visibility = chosen?.visibility ?? search.get("visibility") ?? "all";
  const affiliations = chosen?.affiliations ?? ((search.get("affiliation") ?? "owner,collaborator,organization_member").split(",").map((a) => a.trim()) as Affiliation[]);
  const sort = search.get("sort") ?? "full_name";
  const direction = (search.get("direction") ?? (sort === "full_name" ? "asc" : "desc")) as "asc" | "desc";
  if (!["all", "public", "private"].includes(visibility) || !["created", "updated", "pushed", "full_name"].includes(sort) || !["asc", "desc"].includes(direction)) return null;
  return { visibility, affiliations, sort, direction };
}

export function listUserRepos({ res, auth, search, state, bodies, site }: { res: ServerResponse; auth: Auth; search: URLSearchParams; state: EmulatorState; bodies: Bodies; site: Site }): void {
  if (auth.kind !== "token") return sendApi(res, 401, bodies.error(401, "Requires authentication", DOCS), auth);
  const filters = readFilters(search);
  if (!filters) return sendApi(res, 422, { message: "If you specify visibility or affiliation, you cannot specify type.", documentation_url: DOCS, status: "422" }, auth);
  const { token } = auth;
  const reachable = state.listRepos().flatMap((repo) => {
    const affiliation = affiliationOf(state, repo, token.login);
    const access = state.accessTo(repo, token);
    if (!affiliation || !access || !filters.affiliations.includes(affiliation)) return [];
    if (filters.visibility !== "all" && (filters.visibility === "private") !== repo.private) return [];
    return [{ repo, permission: access.permission }];
  });
  const key = (r: SeededRepo) => (filters.sort === "full_name" ? r.fullName.toLowerCase() : r.createdAt);
  reachable.sort((a, b) => {
    const order = key(a.repo) < key(b.repo) ? -1 : key(a.repo) > key(b.repo) ? 1 : a.repo.id - b.repo.id;
    return filters.direction === "asc" ? order : -order;
  });
  const page = paginate({ all: reachable, search, base: `${site.apiRoot}/user/repos` });
  const body = page.items.map(({ repo, permission }) => bodies.repository(repo, state.findAccount(repo.owner)!, permission));
  sendApi(res, 200, body, auth, page.link ? { link: page.link } : {});
}
