export { closeDb, getDatabaseFile, getDb, type Db } from "./client";
export { migrateDatabase } from "./migrate";
export * from "./queries/audit";
export * from "./queries/collaborators";
export * from "./queries/projects";
export * from "./queries/sign-in-failures";
export * from "./queries/tokens";
export * from "./queries/users";
export type { ApiToken, AuditEvent, Collaborator, Project, ProjectRole, User } from "./schema";
