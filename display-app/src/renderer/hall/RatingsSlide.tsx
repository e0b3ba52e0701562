import { useEffect, useMemo, useState } from 'react';
import { createApiClient, percentOf, PublicRatings } from '@hall/shared';
import { useT } from '@hall/shared/ui';

// 好差评 published on the hall screen: every few minutes the window board gives way for a few
// seconds to the month's results per window (the public page's figures), but only while no call
// is fresh; a call coming in brings the board back at once. The latest call, on the left, is
// never covered.

/** The board gives way once per cycle, for the first SHOW of it (the server's clock, so every screen agrees). */
export const SLIDE_CYCLE_MS = 180_000;
export const SLIDE_SHOW_MS = 15_000;
/** A call this recent keeps the board up: visitors look for it there. */
export const FRESH_CALL_MS = 60_000;
/** The month's figures are read again this often. */
const REFRESH_MS = 600_000;

export function slideDue(now: number, lastCallAt: number | null): boolean {
  return now % SLIDE_CYCLE_MS < SLIDE_SHOW_MS && (lastCallAt === null || now - lastCallAt >= FRESH_CALL_MS);
}

/** The month's published ratings, read now and every REFRESH_MS; null until read or when none were given. */
export function useMonthRatings(month: string): PublicRatings | null {
  const api = useMemo(() => createApiClient(), []);
  const [ratings, setRatings] = useState<PublicRatings | null>(null);
  useEffect(() => {
    let current = true;
    const read = () =>
      api.request('GET', `/api/public/ratings?month=${month}`, PublicRatings).then(
        (reply) => current && setRatings(reply),
        // The slide is a courtesy: without its figures the board simply stays.
        () => undefined,
      );
    void read();
    const timer = setInterval(() => void read(), REFRESH_MS);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, [api, month]);
  return ratings !== null && ratings.month === month && ratings.totals.rated > 0 ? ratings : null;
}

export function RatingsSlide({ ratings }: { ratings: PublicRatings }) {
  const { t } = useT();
  const rate = (share: number | null) => (share === null ? t('office.noValue') : t('office.percent', { value: percentOf(share) }));
  const { totals } = ratings;
  return (
    <div className="panel board ratings-slide" data-testid="ratings-slide">
      <h2 className="panel-title ratings-slide-title">
        <span>{t('display.ratings.title', { year: ratings.month.slice(0, 4), month: Number(ratings.month.slice(5, 7)) })}</span>
        <span className="ratings-slide-totals" data-testid="ratings-slide-totals">
          {t('display.ratings.totals', { rated: totals.rated, rate: rate(totals.satisfactionRate), poor: totals.poorRatings, fixed: totals.rectifiedOnTime })}
        </span>
      </h2>
      <ul className="board-grid">
        {ratings.windows.map((w) => (
          <li key={w.windowNo} className="board-cell ratings-slide-cell" data-window={w.windowNo}>
            <span className="board-no">{t('display.boardWindow', { windowNo: w.windowNo })}</span>
            <span className="board-state ratings-slide-rate">{rate(w.satisfactionRate)}</span>
            <span className="ratings-slide-counts">{t('display.ratings.cell', { rated: w.rated, poor: w.poorRatings })}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
