import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getAuthSecret } from "../config/instance-secrets";
import { recordEvent } from "../audit";
import { isAppError } from "../errors";
import { authConfig } from "./auth.config";
import { endBrowserSession, isBrowserSessionLive, startBrowserSession } from "./browser-sessions";
import { clientAddress } from "./client-address";
import { verifyCredentials } from "./verify-credentials";

/** A refused sign-in; `code` reaches the sign-in page (it names no account detail). */
class SignInRefused extends CredentialsSignin {
  constructor(code: "credentials" | "rate_limited" | "disabled") {
    super();
    this.code = code;
  }
}

const credentialsSchema = z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(1024) });

// The configuration is built per request so that the secret is read from DATA_DIR
// at run time, never during `next build`.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  ...authConfig,
  secret: getAuthSecret(),
  logger: {
    // A refused sign-in is an expected outcome (already counted and shown to the
    // person); next-auth would otherwise log each one with a stack trace.
    error(error: Error) {
      if (error instanceof CredentialsSignin || error.name === "CredentialsSignin") return;
      console.error("[auth]", error);
    },
  },
  callbacks: {
    ...authConfig.callbacks,
    // Runs whenever a session cookie is read (auth(), /api/auth/session). A cookie
    // whose session row is gone (signed out, or ended by a password, role or account
    // change) yields no session, and next-auth clears it where it can set cookies.
    jwt(params) {
      const token = authConfig.callbacks.jwt(params);
      if (params.user) return token;
      const { uid, sid } = token;
      return typeof uid === "string" && typeof sid === "string" && isBrowserSessionLive({ id: sid, userId: uid }) ? token : null;
    },
  },
  events: {
    // Signing out (the page's button or POST /api/auth/signout) ends the session for
    // good: a copy of the cookie is refused from then on, on every instance.
    signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string") endBrowserSession({ id: sid });
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) throw new SignInRefused("credentials");
        try {
          const address = clientAddress(request.headers);
          const user = await verifyCredentials({ ...parsed.data, address });
          const session = startBrowserSession({ userId: user.id, userAgent: request.headers.get("user-agent"), address });
          recordEvent({ action: "user.signed_in", actor: user, detail: { method: "password" } });
          return { id: user.id, email: user.email, name: user.name, sessionId: session.id };
        } catch (error) {
          if (!isAppError(error)) throw error;
          if (error.apiCode === "rate_limited") throw new SignInRefused("rate_limited");
          if (error.apiCode === "forbidden") throw new SignInRefused("disabled");
          throw new SignInRefused("credentials");
        }
      },
    }),
  ],
}));
