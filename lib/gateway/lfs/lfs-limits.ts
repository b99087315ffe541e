export const LFS_LIMITS = {
  /** The largest Git LFS object the gateway relays (GitHub's own limit, on its largest plans). */
  maxObjectBytes: 5 * 1024 ** 3,
  /** A batch or locks request from the client (a batch names at most 1000 objects). */
  maxApiRequestBytes: 1024 ** 2,
  /** A host's batch or locks answer, read whole to rewrite it. */
  maxApiAnswerBytes: 16 * 1024 ** 2,
};
