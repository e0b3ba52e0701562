import { WindowNo } from '@hall/shared';

// The pad's page is `/pad/<window no>`; which pad it is comes from its credential (DeviceGate),
// which also says whether the pad belongs at this window.

/** The window a pad's address names, or null for an address naming none. */
export function padWindowNo(pathname: string): number | null {
  const match = /^\/pad\/(\d{1,3})\/?$/.exec(pathname);
  const windowNo = match ? WindowNo.safeParse(Number(match[1])) : null;
  return windowNo?.success ? windowNo.data : null;
}
