// Projects as archives: downloads of a revision or of the whole repository (download/),
// and projects created from an uploaded zip or tar.gz (upload/).
export { downloadArchive, type ArchiveDownload } from "./download/download-archive";
export { openSourceRepository, type SourceRepository } from "./download/source-repository";
export { resolveRevision, type Revision } from "./download/resolve-revision";
export { archiveFormats, archiveRefSchema, type ArchiveFormat } from "./download/schema";
export { createProjectFromUpload } from "./upload/create-project-from-upload";
export { sizeInWords, UPLOAD_LIMITS } from "./upload/limits";
export { removeUploadLeftovers } from "./upload/work-area";
