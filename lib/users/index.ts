export { bootstrapAdminFromEnv, createFirstAdmin, needsFirstAdmin } from "./bootstrap-admin";
export { changeOwnPassword } from "./change-password";
export { createUser } from "./create-user";
export { listUsers } from "./list-users";
export { loadUser } from "./load-user";
export { makeHandle } from "./make-handle";
export * from "./schema";
export { updateUser } from "./update-user";
export { toUserView, type UserView } from "./user-view";
