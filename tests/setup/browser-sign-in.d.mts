export function attemptBrowserSignIn(
  baseUrl: string,
  credentials: { email: string; password: string },
  options?: { fetch?: typeof fetch },
): Promise<{ cookie?: string; location: string | null; status: number }>;
