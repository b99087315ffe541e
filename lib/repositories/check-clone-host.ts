import { assertLocationAllowed, HostError, safeLookup } from "../hosts";

/** Resolves the clone host the way outgoing requests do, so git is not sent to a private address. */
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
