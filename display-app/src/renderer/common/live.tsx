import { useEffect, useMemo, useState } from 'react';
import { categoryName, localTime, type Locale } from '@hall/shared';
import { useCategories, useDevice, useT } from '@hall/shared/ui';

// What both screens do about the line to the server: while it is down they keep the last state
// readable and say across the screen, in words, that they are reconnecting and from when their
// picture is. When the server comes back the feed reconnects and gets the whole state again.

/** When the line went down (ms), or null while it is up. */
export function useOfflineSince(connected: boolean): number | null {
  const [since, setSince] = useState<number | null>(null);
  useEffect(() => {
    // The moment the line went down, on this machine's clock: it cannot be read while rendering.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setSince(connected ? null : Date.now());
  }, [connected]);
  return connected ? null : since;
}

export function ReconnectingBanner({ since, timeZone }: { since: number | null; timeZone: string | undefined }) {
  const { t } = useT();
  const at = since !== null && timeZone ? localTime(since, timeZone) : null;
  return (
    <div className="reconnecting" role="status" data-testid="reconnecting">
      <span className="reconnecting-text">{t('display.reconnecting')}</span>
      {at && <span className="reconnecting-since">{t('display.reconnectingSince', { time: at })}</span>}
    </div>
  );
}

export function Connecting() {
  const { t } = useT();
  return (
    <div className="screen-connecting" data-testid="screen-connecting">
      {t('display.connecting')}
    </div>
  );
}

/** The screen is drawn for `width` x `height` and scaled to fit whatever the monitor is. */
export function useFitScale(width: number, height: number): number {
  const [scale, setScale] = useState(() => fitScale(width, height));
  useEffect(() => {
    const onResize = () => setScale(fitScale(width, height));
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, [width, height]);
  return scale;
}

/** Screens speak Chinese; a hall may set `?lang=en` on a screen's address for English. */
export function screenLocale(search: string): Locale {
  return new URLSearchParams(search).get('lang') === 'en' ? 'en' : 'zh-CN';
}

/** Category names by code, in the screen's language (fetched again until the server gives them). */
export function useCategoryNames(connected: boolean, setupVersion: number | undefined): Map<string, string> {
  const { locale } = useT();
  const { api } = useDevice();
  const categories = useCategories(api, connected, setupVersion);
  return useMemo(() => new Map(categories.map((c) => [c.code, categoryName(c, locale)])), [categories, locale]);
}

const fitScale = (width: number, height: number) => Math.min(window.innerWidth / width, window.innerHeight / height);
