export { createApiToken, listApiTokens, revokeApiToken, resolveApiToken, type TokenView } from "./api-tokens";
export { authenticateRequest, getSessionUser, requireAdmin, requireApiCaller, tokenFromAuthorization, type Caller } from "./authenticate";
export { clientAddress } from "./client-address";
export { auth, handlers, signIn, signOut } from "./next-auth";
export { hashPassword, verifyPassword } from "./password";
export { verifyCredentials } from "./verify-credentials";
export { requireActionAdmin, requireActionSession, requireActionUser, requirePageAdmin, requirePageUser } from "./page-user";
export { describeWait, listLimitedAccounts } from "./sign-in-limit";
