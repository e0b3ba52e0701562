import { useT } from '@hall/shared/ui';
import { monthStart } from './format';
import type { DateRange } from './office-api';

interface Props {
  serviceDate: string | null;
  range: DateRange | null;
  valid: boolean;
  onRange(range: DateRange | null): void;
}

/** From and to (service days), with 今日 and 本月 one press away. */
export function RangePicker({ serviceDate, range, valid, onRange }: Props) {
  const { t } = useT();
  const from = range?.from ?? '';
  const to = range?.to ?? '';
  const isToday = serviceDate !== null && from === serviceDate && to === serviceDate;
  const month = serviceDate === null ? null : { from: monthStart(serviceDate), to: serviceDate };
  const isMonth = month !== null && from === month.from && to === month.to && !isToday;
  return (
    <div className="office-range">
      <div className="office-range-row">
        <label className="office-date">
          <span className="office-visually-hidden">{t('office.from')}</span>
          <input type="date" name="from" value={from} max={serviceDate ?? undefined} onChange={(e) => onRange({ from: e.target.value, to })} />
        </label>
        <span aria-hidden="true">{t('office.rangeTo')}</span>
        <label className="office-date">
          <span className="office-visually-hidden">{t('office.to')}</span>
          <input type="date" name="to" value={to} max={serviceDate ?? undefined} onChange={(e) => onRange({ from, to: e.target.value })} />
        </label>
        <button type="button" className="office-chip" aria-pressed={isToday} data-range="today" onClick={() => onRange(null)}>
          {t('office.today')}
        </button>
        <button type="button" className="office-chip" aria-pressed={isMonth} data-range="month" disabled={month === null} onClick={() => month && onRange(month)}>
          {t('office.thisMonth')}
        </button>
      </div>
      {!valid && range !== null && (
        <p className="office-range-problem" role="alert" data-testid="range-problem">
          {t('office.rangeInvalid')}
        </p>
      )}
    </div>
  );
}
