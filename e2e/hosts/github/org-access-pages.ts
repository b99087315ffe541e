// The GitHub pages Benchtop sends users to when an organization keeps its app
// out, as plain accessible HTML that browser tests drive with getByRole:
//
//   GET  /settings/connections/applications/{client_id}   an authorized app's page:
//        its organizations, with "Request access" beside each one restricting OAuth Apps
//   POST the same, org=...                                a member's request (the owners must approve)
//   GET  /apps/{slug}/installations/new                   a GitHub App's installation page:
//        the organizations, "Installed" or a "Request" button for the owners to install it
//   POST the same, account=...                            the request
//   GET  /settings/installations/{id}                     an installation's repository access
//        (also /organizations/{org}/settings/installations/{id}): all, or selected repositories
//   POST the same, repository_selection=all|selected&repositories=...  saves it
//
// The emulator has no web session: anyone may use these pages (tests only).
import type { IncomingMessage, ServerResponse } from "node:http";
import { readBody, sendHtml } from "../shared/oauth-http";
import { escapeHtml, renderErrorPage, renderPlainPage } from "../shared/sign-in-page";
import type { EmulatorState } from "./emulator-state";
import { type OrgAccess, slugOf } from "./org-access-state";
import type { GitHubOAuth } from "./oauth-apps";

const page = (title: string, body: string) => renderPlainPage({ title, body });

/** A form with one button that posts `field=value` back to this page. */
const postButton = (field: string, value: string, label: string) =>
  `<form method="post"><input type="hidden" name="${field}" value="${escapeHtml(value)}"><button type="submit">${escapeHtml(label)}</button></form>`;

const seeOther = (res: ServerResponse, location: string) => void res.writeHead(303, { location }).end();
const notFound = (res: ServerResponse) => sendHtml(res, 404, renderErrorPage({ title: "Page not found", message: "This is not a web page of this emulator." }));

type Context = { req: IncomingMessage; res: ServerResponse; url: URL; state: EmulatorState; oauth: GitHubOAuth; access: OrgAccess };

/** Every organization of the emulator, in the order seeded. */
const organizations = (state: EmulatorState) => state.listAccounts().filter((account) => account.type === "Organization").map((account) => account.login);

async function authorizedAppPage({ req, res, url, oauth, access }: Context, clientId: string): Promise<void> {
  const app = oauth.findApp(clientId);
  if (!app) return notFound(res);
  if (app.kind === "github-app") {
    return sendHtml(res, 200, page(app.name, `    <p>A GitHub App you authorized. <a href="/apps/${escapeHtml(slugOf(app))}/installations/new">Install it or ask an organization to install it</a>.</p>`));
  }
  if (req.method === "POST") {
    const org = new URLSearchParams(await readBody(req)).get("org") ?? "";
    access.requestOAuthApproval({ org, clientId });
    return seeOther(res, url.pathname);
  }
  const rows = access
    .restrictions(clientId)
    .map(({ org, approved, requested }) => `      <li aria-label="${escapeHtml(org)}">${escapeHtml(org)}: ${approved ? "Access granted" : requested ? "Access requested" : postButton("org", org, "Request access")}</li>`)
    .join("\n");
  sendHtml(res, 200, page(app.name, `    <h2>Organization access</h2>\n    <ul aria-label="Organization access">\n${rows}\n    </ul>`));
}

async function installPage({ req, res, url, state, oauth, access }: Context, slug: string): Promise<void> {
  const app = oauth.listApps().find((a) => a.kind === "github-app" && slugOf(a) === slug);
  if (!app) return notFound(res);
  if (req.method === "POST") {
    const account = new URLSearchParams(await readBody(req)).get("account") ?? "";
    if (state.findAccount(account)) access.requestInstallation({ clientId: app.clientId, account });
    return seeOther(res, url.pathname);
  }
  const rows = organizations(state)
    .map((org) => `      <li aria-label="${escapeHtml(org)}">${escapeHtml(org)}: ${access.isInstalledOn(app.clientId, org) ? "Installed" : access.installRequested(app.clientId, org) ? "Installation requested" : postButton("account", org, "Request")}</li>`)
    .join("\n");
  sendHtml(res, 200, page(`Install ${app.name}`, `    <ul aria-label="Where to install ${escapeHtml(app.name)}">\n${rows}\n    </ul>`));
}

async function installationSettingsPage({ req, res, url, state, access }: Context, id: number): Promise<void> {
  const installation = access.findInstallation(id);
  if (!installation) return notFound(res);
  if (req.method === "POST") {
    const form = new URLSearchParams(await readBody(req));
    access.seed.installGitHubApp({ clientId: installation.clientId, account: installation.account, repositories: form.get("repository_selection") === "all" ? "all" : form.getAll("repositories") });
    return seeOther(res, `${url.pathname}?saved=1`);
  }
  const owned = state.listRepos().filter((repo) => repo.owner.toLowerCase() === installation.account.toLowerCase());
  const all = installation.repositories === "all";
  const selected = (name: string) => installation.repositories !== "all" && installation.repositories.includes(name);
  const boxes = owned
    .map((repo) => `        <label><input type="checkbox" name="repositories" value="${escapeHtml(repo.fullName)}"${selected(repo.fullName) ? " checked" : ""}> ${escapeHtml(repo.fullName)}</label><br>`)
    .join("\n");
  const saved = url.searchParams.get("saved") ? `    <p role="status">Saved.</p>\n` : "";
  sendHtml(
    res,
    200,
    page(
      `Repository access for ${installation.account}`,
      `${saved}    <form method="post">
      <fieldset>
        <legend>Repository access</legend>
        <label><input type="radio" name="repository_selection" value="all"${all ? " checked" : ""}> All repositories</label><br>
        <label><input type="radio" name="repository_selection" value="selected"${all ? "" : " checked"}> Only select repositories</label><br>
${boxes}
      </fieldset>
      <button type="submit">Save</button>
    </form>`,
    ),
  );
}

/** Answers one of the pages above; false when `url` is none of them. */
export async function handleOrgAccessPage(ctx: Context): Promise<boolean> {
  const { pathname } = ctx.url;
  if (ctx.req.method !== "GET" && ctx.req.method !== "POST") return false;
  const authorized = /^\/settings\/connections\/applications\/([^/]+)$/.exec(pathname);
  if (authorized) return await authorizedAppPage(ctx, decodeURIComponent(authorized[1]!)), true;
  const install = /^\/apps\/([^/]+)\/installations\/new$/.exec(pathname);
  if (install) return await installPage(ctx, decodeURIComponent(install[1]!)), true;
  const settings = /^(?:\/organizations\/[^/]+)?\/settings\/installations\/(\d+)$/.exec(pathname);
  if (settings) return await installationSettingsPage(ctx, Number(settings[1])), true;
  return false;
}
