import { WindowNo } from '@hall/shared';

/** The window a screen at `/display/window/<no>` is above, or null for any other address. */
export function windowNoFromPath(pathname: string): number | null {
  const match = /^\/display\/window\/(\d{1,3})\/?$/.exec(pathname);
  if (!match) return null;
  const parsed = WindowNo.safeParse(Number(match[1]));
  return parsed.success ? parsed.data : null;
}
