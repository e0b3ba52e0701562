import { useEffect, useMemo, useState } from 'react';
import { createApiClient, HealthReply, percentOf, PublicRatings, type PublicWindowRatings } from '@hall/shared';
import { problemText, useT } from '@hall/shared/ui';
import { isMonth, shiftMonth } from './month';

/** The hall's month's results, the totals first, then a row per window (a card per window on a phone). */
export function RatingsPage({ initialMonth }: { initialMonth: string | null }) {
  const { t, locale } = useT();
  const api = useMemo(() => createApiClient(), []);
  /** The hall's own current month (its service day), the last one there is to show. */
  const [thisMonth, setThisMonth] = useState<string | null>(null);
  const [month, setMonth] = useState<string | null>(isMonth(initialMonth) ? initialMonth : null);
  const [ratings, setRatings] = useState<PublicRatings | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    api.request('GET', '/api/health', HealthReply).then(
      (health) => {
        const current = health.serviceDate.slice(0, 7);
        setThisMonth(current);
        setMonth((chosen) => chosen ?? current);
      },
      (error: unknown) => setProblem(problemText(error, t)),
    );
    // Once: the hall's month does not change while the page is read.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api]);

  useEffect(() => {
    if (month === null) return;
    let current = true;
    api.request('GET', `/api/public/ratings?month=${month}`, PublicRatings, { locale }).then(
      (reply) => {
        if (!current) return;
        setRatings(reply);
        setProblem(null);
      },
      (error: unknown) => current && setProblem(problemText(error, t)),
    );
    return () => {
      current = false;
    };
    // `t` is made anew on every render; the month and the language are what change the request.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, month, locale]);

  useEffect(() => {
    document.title = ratings ? `${t('ratings.title')} · ${ratings.hall}` : t('ratings.title');
  }, [ratings, t]);

  const rate = (share: number | null) => (share === null ? t('office.noValue') : t('office.percent', { value: percentOf(share) }));
  const monthLabel = (m: string) => t('ratings.month', { year: m.slice(0, 4), month: Number(m.slice(5, 7)) });
  const shown = ratings !== null && ratings.month === month ? ratings : null;
  const figures = (row: Pick<PublicWindowRatings, 'rated' | 'satisfactionRate' | 'poorRatings' | 'rectifiedOnTime'>) =>
    [
      ['rated', t('ratings.rated'), String(row.rated)],
      ['satisfaction', t('ratings.satisfaction'), rate(row.satisfactionRate)],
      ['poor', t('ratings.poor'), String(row.poorRatings)],
      ['rectified', t('ratings.rectified'), String(row.rectifiedOnTime)],
    ] as const;

  return (
    <div className="ratings-page">
      <header className="ratings-header">
        <h1>
          <span className="ratings-hall">{ratings?.hall}</span>
          <span className="ratings-title">{t('ratings.title')}</span>
        </h1>
        {month && (
          <nav className="ratings-months" aria-label={t('ratings.title')}>
            <button type="button" data-testid="previous-month" onClick={() => setMonth(shiftMonth(month, -1))}>
              {t('ratings.previous')}
            </button>
            <p className="ratings-month" data-testid="month">
              {monthLabel(month)}
              {month === thisMonth && <span className="ratings-so-far">{t('ratings.soFar')}</span>}
            </p>
            <button type="button" data-testid="next-month" disabled={thisMonth === null || month >= thisMonth} onClick={() => setMonth(shiftMonth(month, 1))}>
              {t('ratings.next')}
            </button>
          </nav>
        )}
      </header>
      {problem && (
        <p className="ratings-problem" role="alert">
          {problem}
        </p>
      )}
      {shown === null ? (
        !problem && <p className="ratings-loading">{t('ratings.loading')}</p>
      ) : (
        <main className="ratings-main">
          <section className="ratings-totals" aria-label={t('ratings.hallTotal')} data-testid="totals">
            {figures(shown.totals).map(([key, label, value]) => (
              <div key={key} className={`ratings-total ratings-total-${key}`}>
                <span className="ratings-total-label">{label}</span>
                <span className="ratings-total-value" data-figure={key}>
                  {value}
                </span>
              </div>
            ))}
          </section>
          {shown.totals.rated === 0 && <p className="ratings-none">{t('ratings.noRatings')}</p>}
          <table className="ratings-table" data-testid="windows">
            <thead>
              <tr>
                <th scope="col">{t('ratings.window')}</th>
                <th scope="col">{t('ratings.department')}</th>
                {figures(shown.totals).map(([key, label]) => (
                  <th key={key} scope="col" className="ratings-number">
                    {label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.windows.map((w) => (
                <tr key={w.windowNo} data-window={w.windowNo}>
                  <th scope="row" className="ratings-window">
                    <span className="ratings-window-no">{w.windowNo}</span>
                    <span className="ratings-window-name">{w.windowName}</span>
                  </th>
                  <td className="ratings-department">{w.department}</td>
                  {figures(w).map(([key, label, value]) => (
                    <td key={key} className={`ratings-number ratings-cell-${key}${key === 'poor' && w.poorRatings > 0 ? ' has-poor' : ''}`} data-label={label}>
                      {value}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <footer className="ratings-notes">
            <p>{t('ratings.note.satisfaction')}</p>
            <p>{t('ratings.note.poor')}</p>
            <p>{t('ratings.note.privacy')}</p>
          </footer>
        </main>
      )}
    </div>
  );
}
