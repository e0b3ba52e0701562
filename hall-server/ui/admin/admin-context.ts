import { createContext, useContext } from 'react';
import type { HallSetupFile, HallSnapshot, SignedInStaff } from '@hall/shared';
import type { AdminApi } from './admin-api';

/** What every section works with: the API, the set-up as last read, and the page's own voice. */
export interface AdminContext {
  admin: AdminApi;
  staff: SignedInStaff;
  isAdmin: boolean;
  /** The whole set-up, as the server last answered; null for a duty captain (not theirs to read) or before it came. */
  setup: HallSetupFile | null;
  /** Reads the set-up again (after a change, made here or elsewhere). */
  reload(): Promise<void>;
  snapshot: HallSnapshot | null;
  /** A line at the top of the page: what was just done. */
  say(text: string): void;
  confirm(text: string, action: string): Promise<boolean>;
}

export const AdminContextValue = createContext<AdminContext | null>(null);

export function useAdmin(): AdminContext {
  const context = useContext(AdminContextValue);
  if (!context) throw new Error('useAdmin outside the admin desk');
  return context;
}
