export { emptyBodySchema } from "./empty-body";
export { localPathOr } from "./local-path";
export { CROSS_SITE_MESSAGE, isSameOrigin, isSameOriginRequest, publicOrigin, requestOrigin } from "./origin";
export { paginationSchema } from "./pagination";
export { apiRoute, errorResponse, json, noContent } from "./responses";
export { fieldErrors, invalidInput, parseWith, readJson, readQuery } from "./validation";
export { actionFailed, idleState, keepValues, submittedValues, validationFailed, type ActionState } from "./action-state";
