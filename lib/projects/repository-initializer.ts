import type { Project } from "../db";

/** What making a project's repository found out: its default branch when not `main`, and what its audit event should add. */
export type RepositoryOutcome = { defaultBranch?: string; detail?: Record<string, unknown> };

/** Fills a new project's repository in `dir` (out of sight until it is whole; see buildRepository). */
export type RepositoryInitializer = (context: { project: Project; dir: string }) => Promise<RepositoryOutcome | void>;
