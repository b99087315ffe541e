// A host that is down: the REST API answers 503 for the next N requests, or
// until cleared, so that a test can show what a failure half-way leaves behind.
// Each emulator decides its own 503 body (the provider's words and headers);
// git smart HTTP and the OAuth pages stay up, as they do behind a real API outage.

export type Outage = {
  /** Starts an outage for the next `requests` API requests (after letting `after` more through first), or until cleared when null. */
  start(requests: number | null, after?: number): void;
  clear(): void;
  /** Whether this API request falls in the outage (counts it down). */
  take(): boolean;
  /** What is left: 0 = up, null = down until cleared. */
  remaining(): number | null;
};

export function createOutage(): Outage {
  let left: number | null = 0;
  // Requests still answered before the outage begins: a failure half-way through a sequence.
  let spared = 0;
  return {
    start(requests, after = 0) {
      if (requests !== null && (!Number.isInteger(requests) || requests < 1)) throw new Error("an outage lasts a whole number of requests (at least 1), or null for until cleared");
      if (!Number.isInteger(after) || after < 0) throw new Error("an outage starts after a whole number of requests (0 or more)");
      left = requests;
      spared = after;
    },
    clear() {
      left = 0;
      spared = 0;
    },
    take() {
      if (left !== 0 && spared > 0) {
        spared -= 1;
        return false;
      }
      if (left === null) return true;
      if (left === 0) return false;
      left -= 1;
      return true;
    },
    remaining: () => left,
  };
}
