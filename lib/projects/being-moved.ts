import type { Project } from "../db";

/** Whether an administrator's move holds the project (its repository is being copied to another backend). */
export const isBeingMoved = (project: Pick<Project, "movingJobId">): boolean => project.movingJobId !== null;

/**
 * The refusal of a push while the project is being moved, the same through the
 * internal git server and the git gateway: the move copies the refs as they are,
 * so a push now would be lost at the old place.
 */
export const beingMovedMessage = (project: Pick<Project, "name">): string =>
  `${project.name} is being moved to another git host by an administrator; pushes are paused for a moment. Your commits stay in this session: push again in a few minutes.`;
