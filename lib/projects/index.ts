export { assertCanManage, assertCanWrite, canManage, canRead, canWrite, loadProject, loadProjectByPath, roleOf, type ProjectAccess } from "./access";
export { addCollaborator, changeCollaboratorRole, listCollaborators, removeCollaborator, type CollaboratorView } from "./collaborators";
export { createProject, type RepositoryInitializer } from "./create-project";
export { deleteProject } from "./delete-project";
export { listProjects } from "./list-projects";
export { linkedRepositoryOf } from "./linked-repository";
export { cloneUrlOf, toProjectView, type ProjectView } from "./project-view";
export * from "./schema";
export { updateProject } from "./update-project";
