// Projects as archives: downloads of a revision or of the whole repository (download/),
// and projects created from an uploaded zip or tar.gz (upload/).
export { createProjectFromUpload } from "./upload/create-project-from-upload";
export { sizeInWords, UPLOAD_LIMITS } from "./upload/limits";
export { removeUploadLeftovers } from "./upload/work-area";
