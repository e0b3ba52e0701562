import { ApiError, LoginReply, SessionReply, type ApiClient, type Locale, type SignedInStaff } from '@hall/shared';
import { z } from 'zod';

// A staff member's sign-in at one window. The token lives in sessionStorage, so a reload (or a
// crashed tab brought back) returns to the same window; closing the browser forgets it.

const TOKEN_KEY = 'hall.console.token';
const WINDOW_KEY = 'hall.console.windowNo';

export interface ConsoleSession {
  token: string;
  staff: SignedInStaff;
  windowNo: number;
}

export const storedToken = (): string | null => sessionStorage.getItem(TOKEN_KEY);

export function forgetToken(): void {
  sessionStorage.removeItem(TOKEN_KEY);
}

/** The window this machine signed in at last, to fill in the form. */
export function lastWindowNo(): number | null {
  const no = Number(localStorage.getItem(WINDOW_KEY));
  return Number.isInteger(no) && no > 0 ? no : null;
}

/**
 * Refusals that mean this console's session is over: it ended (signed in elsewhere, someone
 * else signed in at the window, idle, logged out) or does not hold this window any more.
 */
export function isSessionGone(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'UNAUTHORIZED' || error.code === 'WRONG_WINDOW');
}

export async function signIn(api: ApiClient, body: { windowNo: number; staffNo: string; pin: string }, locale: Locale): Promise<ConsoleSession> {
  const reply = await api.request('POST', '/api/auth/login', LoginReply, { body, locale });
  sessionStorage.setItem(TOKEN_KEY, reply.token);
  localStorage.setItem(WINDOW_KEY, String(reply.window.no));
  return { token: reply.token, staff: reply.staff, windowNo: reply.window.no };
}

/** The session behind a stored token; throws UNAUTHORIZED when it has ended. */
export async function restore(api: ApiClient, token: string, locale: Locale): Promise<ConsoleSession> {
  const reply = await api.request('GET', '/api/auth/session', SessionReply, { token, locale });
  return { token, staff: reply.staff, windowNo: reply.window.no };
}

export async function signOut(api: ApiClient, token: string, locale: Locale): Promise<void> {
  await api.request('POST', '/api/auth/logout', z.null(), { token, locale });
  forgetToken();
}
