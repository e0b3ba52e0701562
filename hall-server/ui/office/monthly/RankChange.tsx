import { useT } from '@hall/shared/ui';

/** ▲ places gained / ▼ places lost since last month, — when unchanged, nothing to compare when either month is unranked. */
export function RankChange({ rank, previous }: { rank: number | null; previous: number | null | undefined }) {
  const { t } = useT();
  if (rank === null || previous == null) return <span className="monthly-change">{t('office.noValue')}</span>;
  const change = previous - rank;
  if (change === 0) return <span className="monthly-change" aria-label={t('monthly.change.same')}>—</span>;
  return change > 0 ? (
    <span className="monthly-change monthly-up" aria-label={t('monthly.change.up', { places: change })}>▲{change}</span>
  ) : (
    <span className="monthly-change monthly-down" aria-label={t('monthly.change.down', { places: -change })}>▼{-change}</span>
  );
}
