// Git LFS on Benchtop's git server: the batch API, basic transfers and locks beside each
// project's clone URL, objects by SHA-256 under DATA_DIR/lfs shared between projects.
export { isLfsPath } from "./lfs-path";
export { serveLfsRequest } from "./serve-lfs-request";
export { removeLfsLeftovers, startLfsSweeper } from "./remove-objects";
export { DEFAULT_MAX_OBJECT_BYTES, getLfsSettings, lfsSettingsFormSchema, lfsSettingsInputSchema, toMegabytes, updateLfsSettings, type LfsSettings, type LfsSettingsInput } from "./settings";
