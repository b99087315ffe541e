import { assertLocationAllowed, HostError, safeLookup } from "../hosts";

/**
 * Resolves the host of a git URL the way outgoing requests do, before the real
 * git client is sent there: an address Benchtop will not contact (plain http,
 * a private or local address) is refused, a name that does not resolve is "unreachable".
 */
export function checkCloneHost(url: URL): Promise<void> {
  assertLocationAllowed(url);
  return new Promise((resolve, reject) =>
    safeLookup(url.hostname.replace(/^\[|\]$/g, ""), {}, (error) =>
      error
        ? reject(
            (error as NodeJS.ErrnoException).code === "ENOTALLOWED"
              ? new HostError("not_allowed", `${url.host} resolves to a private or local address, which Benchtop does not contact.`, { cause: error })
              : new HostError("unreachable", `Benchtop cannot find ${url.host}. Check the repository's address, or try again later.`, { cause: error }),
          )
        : resolve(),
    ),
  );
}
