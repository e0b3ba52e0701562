import type { Duty } from '@hall/shared';
import { useT } from '@hall/shared/ui';

/** Who is on duty now: the day's 值班长 and the current shift's 导服员. */
export function LiveDuty({ duty }: { duty: Duty }) {
  const { t } = useT();
  const names = (people: readonly { name: string }[]) => (people.length === 0 ? t('live.nobodyOnDuty') : people.map((p) => p.name).join(t('live.listSeparator')));
  return (
    <section className="live-duty" aria-labelledby="live-duty-title" data-testid="live-duty">
      <h2 id="live-duty-title" className="office-section-title">
        {t('live.dutyTitle')}
      </h2>
      <dl className="live-duty-list">
        <dt>{t('live.captain')}</dt>
        <dd>{names(duty.captain === null ? [] : [duty.captain])}</dd>
        <dt>{t('live.guides')}</dt>
        <dd>{names(duty.guides)}</dd>
      </dl>
    </section>
  );
}
