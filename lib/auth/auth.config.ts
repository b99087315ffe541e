import type { NextAuthConfig } from "next-auth";

/**
 * The part of next-auth's configuration that needs nothing Node-only, so that it
 * can be shared by anything that runs outside the Node runtime.
 */
export const authConfig = {
  pages: { signIn: "/login" },
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  // Benchtop is self-hosted behind whatever host name the operator picks; AUTH_URL pins it when set.
  trustHost: true,
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.uid = user.id;
      return token;
    },
    session({ session, token }) {
      if (typeof token.uid === "string") session.user.id = token.uid;
      return session;
    },
  },
} satisfies NextAuthConfig;
