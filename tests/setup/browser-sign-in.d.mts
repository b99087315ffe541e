export function attemptBrowserSignIn(baseUrl: string, credentials: { email: string; password: string }): Promise<{ cookie?: string; location: string | null; status: number }>;
