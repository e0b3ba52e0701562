import { useState } from 'react';
import { useT } from '@hall/shared/ui';
import { addDate } from './list-edit';

interface Props {
  /** The field's path (`calendar.holidays`). */
  name: string;
  legend: string;
  hint: string;
  dates: readonly string[];
  error?: string | undefined;
  onChange(dates: string[]): void;
}

/** A list of days (holidays, make-up workdays): pick a date, add it; each day removable. */
export function DateList({ name, legend, hint, dates, error, onChange }: Props) {
  const { t } = useT();
  const [date, setDate] = useState('');
  const add = () => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return;
    onChange(addDate(dates, date));
    setDate('');
  };
  return (
    <fieldset className={`admin-field admin-group admin-dates ${error ? 'admin-field-bad' : ''}`} data-field={name}>
      <legend>{legend}</legend>
      <p className="admin-field-hint">{hint}</p>
      <div className="admin-date-add">
        <input
          type="date"
          aria-label={t('admin.dates.pick', { list: legend })}
          value={date}
          onChange={(e) => setDate(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" className="office-secondary" disabled={!date} onClick={add}>
          {t('admin.dates.add')}
        </button>
      </div>
      {error && (
        <p className="admin-field-error" role="alert" data-testid={`error-${name}`}>
          {error}
        </p>
      )}
      {dates.length === 0 ? (
        <p className="admin-field-hint">{t('admin.dates.none')}</p>
      ) : (
        <ul className="admin-date-list">
          {dates.map((day) => (
            <li key={day}>
              <span className="admin-num">{day}</span>
              <button type="button" className="admin-icon admin-icon-danger" aria-label={t('admin.dates.remove', { date: day })} onClick={() => onChange(dates.filter((d) => d !== day))}>
                ✕
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
