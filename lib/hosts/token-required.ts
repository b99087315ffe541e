// Plain constants, safe to import in client components (no server modules here).
import type { Provider } from "./types";

/** Providers whose repositories cannot even be read anonymously: GitHub Enterprise and Bitbucket Server answer nothing without a credential. */
export const tokenRequired = (provider: Provider): boolean => provider === "bitbucket-server" || provider === "github-enterprise";
