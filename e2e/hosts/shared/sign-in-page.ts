// The emulators' sign-in-and-authorize page: plain, accessible HTML (labelled
// fields, named buttons, an alert for a failed sign-in) so that browser tests
// can drive it with getByLabel and getByRole. The request's parameters travel
// as hidden fields, so that the POST carries everything the GET had.

export const escapeHtml = (value: string) => value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

export type SignInPage = {
  /** The document title, e.g. "Authorize Benchtop". */
  title: string;
  /** What the page asks, e.g. "Benchtop wants to access your account". */
  heading: string;
  /** Lines under the heading (requested scopes, the redirect target). */
  details: string[];
  /** Where the form posts (the authorization path). */
  action: string;
  /** The authorization request's parameters, sent back as hidden fields. */
  hidden: Record<string, string>;
  loginLabel: string;
  passwordLabel: string;
  authorizeLabel: string;
  denyLabel: string;
  /** The account name to pre-fill. */
  login?: string;
  /** A failed sign-in's message, shown as an alert. */
  alert?: string;
};

/** The form's decision field: the button pressed. */
export const DECISION = { field: "decision", authorize: "authorize", deny: "deny" } as const;

export function renderSignInPage(page: SignInPage): string {
  const hidden = Object.entries(page.hidden)
    .filter(([, value]) => value !== "")
    .map(([name, value]) => `      <input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join("\n");
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(page.title)}</title>
</head>
<body>
  <main>
    <h1>${escapeHtml(page.heading)}</h1>
${page.details.map((line) => `    <p>${escapeHtml(line)}</p>`).join("\n")}
${page.alert ? `    <div role="alert">${escapeHtml(page.alert)}</div>\n` : ""}    <form method="post" action="${escapeHtml(page.action)}">
${hidden}
      <p>
        <label for="login_field">${escapeHtml(page.loginLabel)}</label>
        <input type="text" id="login_field" name="login" autocomplete="username" autocapitalize="off" value="${escapeHtml(page.login ?? "")}" required>
      </p>
      <p>
        <label for="password">${escapeHtml(page.passwordLabel)}</label>
        <input type="password" id="password" name="password" autocomplete="current-password" required>
      </p>
      <p>
        <button type="submit" name="${DECISION.field}" value="${DECISION.authorize}">${escapeHtml(page.authorizeLabel)}</button>
        <button type="submit" name="${DECISION.field}" value="${DECISION.deny}" formnovalidate>${escapeHtml(page.denyLabel)}</button>
      </p>
    </form>
  </main>
</body>
</html>
`;
}

/** A plain page: a title, shown as the heading, and the body's HTML (already escaped). */
export function renderPlainPage({ title, body }: { title: string; body: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${escapeHtml(title)}</title>
</head>
<body>
  <main>
    <h1>${escapeHtml(title)}</h1>
${body}
  </main>
</body>
</html>
`;
}

/** An error page for an authorization request that cannot go back to the client (unknown client, bad redirect URI). */
export function renderErrorPage({ title, message }: { title: string; message: string }): string {
  return renderPlainPage({ title, body: `    <p role="alert">${escapeHtml(message)}</p>` });
}
