import { useEffect, useState } from 'react';
import { localTime } from '@hall/shared';
import { useT } from '@hall/shared/ui';

// What both screens do about the line to the server: while it is down they say so, discreetly,
// and dim what they show, so nobody takes it for the hall as it is now. When the server comes
// back the feed reconnects and gets the whole state again by itself.

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

export function OfflineMark({ since, timeZone }: { since: number | null; timeZone: string | undefined }) {
  const { t } = useT();
  const at = since !== null && timeZone ? localTime(since, timeZone) : null;
  return (
    <div className="offline-mark" role="status" data-testid="offline-mark" title={at ? t('display.offlineSince', { time: at }) : undefined}>
      <span className="offline-dot" aria-hidden="true" />
      {t('display.offline')}
      {at && <span className="offline-since">{at}</span>}
    </div>
  );
}

export function Connecting() {
  const { t } = useT();
  return <div className="screen-connecting">{t('display.connecting')}</div>;
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

const fitScale = (width: number, height: number) => Math.min(window.innerWidth / width, window.innerHeight / height);
