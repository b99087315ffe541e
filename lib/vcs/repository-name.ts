import type { ExternalBackendType } from "./backend-schema";

/** What a repository name template may refer to. */
export type TemplateValues = { owner: string; id: string; name: string };

const PLACEHOLDER = /\{(owner|id|name)\}/g;

/** Placeholders a template may use; anything else in braces is a mistake worth naming. */
export function unknownPlaceholders(template: string): string[] {
  return [...template.matchAll(/\{([^}]*)\}/g)].map((m) => m[1] ?? "").filter((p) => !["owner", "id", "name"].includes(p));
}

/**
 * The repository name a template gives for one project (`{owner}-{id}` by default).
 * Bitbucket Cloud addresses repositories by a lower-case slug, so its names are lower-cased.
 */
export function renderRepositoryName({ type, template, values }: { type: ExternalBackendType; template: string; values: TemplateValues }): string {
  const name = template.replace(PLACEHOLDER, (_, key: keyof TemplateValues) => values[key]);
  return type === "bitbucket" ? name.toLowerCase() : name;
}

type Rule = { max: number; pattern: RegExp; words: string };

// Each host's own rule for the name it stores, from its documentation: GitHub keeps
// letters, digits, '.', '-' and '_' (100 characters); GitLab's project path must start
// with a letter, digit or '_' and not end in '.git' or '.atom' (255); Bitbucket Cloud
// slugs are lower-case (62); Bitbucket Server slugs start with a letter or digit (128).
const RULES: Record<ExternalBackendType, Rule> = {
  github: { max: 100, pattern: /^[A-Za-z0-9._-]+$/, words: "letters, digits, '.', '-' and '_'" },
  gitlab: { max: 255, pattern: /^[A-Za-z0-9_][A-Za-z0-9._-]*$/, words: "letters, digits, '.', '-' and '_', starting with a letter, digit or '_'" },
  bitbucket: { max: 62, pattern: /^[a-z0-9._-]+$/, words: "lower-case letters, digits, '.', '-' and '_'" },
  "bitbucket-server": { max: 128, pattern: /^[A-Za-z0-9][A-Za-z0-9._-]*$/, words: "letters, digits, '.', '-' and '_', starting with a letter or digit" },
};

/**
 * Why `name` cannot be a repository name on a host of this type, or undefined when
 * it can. The words say what to change in the template.
 */
export function repositoryNameProblem({ type, name }: { type: ExternalBackendType; name: string }): string | undefined {
  const rule = RULES[type];
  if (!name) return "The template gives an empty name.";
  if (name.length > rule.max) return `The name "${name}" is longer than the ${rule.max} characters this host allows.`;
  if (!rule.pattern.test(name)) return `The name "${name}" may use only ${rule.words}.`;
  if (name === "." || name === ".." || /\.(git|atom)$/i.test(name)) return `The name "${name}" is one this host refuses (it may not be '.' or '..', or end in .git or .atom).`;
  return undefined;
}

/** Whether a template can give a valid name whatever the project: checked with the longest values it can meet. */
export function templateProblem({ type, template }: { type: ExternalBackendType; template: string }): string | undefined {
  const unique = /\{id\}/.test(template) || (/\{owner\}/.test(template) && /\{name\}/.test(template));
  if (!unique) return "Include {id} (or both {owner} and {name}) in the template, so that every project gets a repository of its own.";
  const unknown = unknownPlaceholders(template);
  if (unknown.length) return `The template uses {${unknown.join("}, {")}}; it may use only {owner}, {id} and {name}.`;
  // Handles are lower-case [a-z0-9._-]; project names allow upper case; ids are 16 lower-case letters and digits.
  const sample = { owner: "jane.doe-2", id: "k3v9x0abcd12ef34", name: "Sales_Report" };
  return repositoryNameProblem({ type, name: renderRepositoryName({ type, template, values: sample }) });
}
