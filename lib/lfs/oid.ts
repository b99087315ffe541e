/** A Git LFS object id: the SHA-256 of the content, in lower-case hex (the only hash_algo Benchtop keeps). */
export const OID_PATTERN = /^[0-9a-f]{64}$/;

export const isOid = (value: string): boolean => OID_PATTERN.test(value);
