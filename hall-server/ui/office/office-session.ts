import { ApiError, OfficeLoginReply, OfficeSessionReply, type ApiClient, type Locale, type SignedInStaff } from '@hall/shared';
import { z } from 'zod';

// A duty captain's or administrator's sign-in at the office page. The token lives in
// localStorage: the office PC stays signed in across reloads and restarts of the browser,
// until logout or the server's idle limit.

const TOKEN_KEY = 'hall.office.token';

export interface OfficeSession {
  token: string;
  staff: SignedInStaff;
}

export const storedToken = (): string | null => localStorage.getItem(TOKEN_KEY);

export function forgetToken(): void {
  localStorage.removeItem(TOKEN_KEY);
}

/** The server no longer takes this token: logged out, idle, or never known. */
export function isSessionGone(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'UNAUTHORIZED';
}

export async function signIn(api: ApiClient, body: { staffNo: string; pin: string }, locale: Locale): Promise<OfficeSession> {
  const reply = await api.request('POST', '/api/office/login', OfficeLoginReply, { body, locale });
  localStorage.setItem(TOKEN_KEY, reply.token);
  return { token: reply.token, staff: reply.staff };
}

export async function restore(api: ApiClient, token: string, locale: Locale): Promise<OfficeSession> {
  const reply = await api.request('GET', '/api/office/session', OfficeSessionReply, { token, locale });
  return { token, staff: reply.staff };
}

export async function signOut(api: ApiClient, token: string, locale: Locale): Promise<void> {
  await api.request('POST', '/api/office/logout', z.null(), { token, locale });
  forgetToken();
}
