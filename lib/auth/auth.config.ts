import type { NextAuthConfig } from "next-auth";

declare module "next-auth" {
  interface Session {
    sessionId?: string;
  }
  interface User {
    /** Set by the credentials provider: the browser session row started at sign-in. */
    sessionId?: string;
  }
}

/** How long a browser session lasts without being used (the cookie is renewed as it is used). */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/**
 * The part of next-auth's configuration that needs nothing Node-only, so that it
 * can be shared by anything that runs outside the Node runtime.
 */
export const authConfig = {
  pages: { signIn: "/login" },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  // Benchtop is self-hosted behind whatever host name the operator picks; AUTH_URL pins it when set.
  trustHost: true,
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) {
        token.uid = user.id;
        token.sid = user.sessionId;
      }
      return token;
    },
    session({ session, token }) {
      if (typeof token.uid === "string") session.user.id = token.uid;
      // The server-side session row (lib/auth/browser-sessions.ts) this cookie stands for.
      // Harmless in /api/auth/session's answer: the id grants nothing without a cookie sealed with AUTH_SECRET.
      if (typeof token.sid === "string") session.sessionId = token.sid;
      return session;
    },
  },
} satisfies NextAuthConfig;
