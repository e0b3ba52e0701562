import { useCallback, useMemo, useState } from 'react';
import type { LeaderDutyVisit } from '@hall/shared';
import { problemText, useT } from '@hall/shared/ui';
import { dutyApi } from './duty-api';
import { isLocalDate, monthStart } from './format';
import { LeaderDutyForm } from './LeaderDutyForm';
import { LeaderDutyStanding } from './LeaderDutyStanding';
import type { DateRange, OfficeApi } from './office-api';
import type { OfficeViewProps } from './office-views';
import { RangePicker } from './RangePicker';
import { useRangeLoad } from './use-range-load';
import './duty.css';

/** 领导值班: record a sitting; every department's standing; the span's sittings (this month unless chosen). */
export function LeaderDutyView({ api, office, token, snapshot, notify }: OfficeViewProps) {
  const { t, locale } = useT();
  const duty = useMemo(() => dutyApi(api, token, locale), [api, token, locale]);
  // The hall's day, from its first snapshot.
  const today = snapshot?.serviceDate ?? null;
  const [chosen, setChosen] = useState<DateRange | null>(null);
  const range = chosen ?? (today === null ? null : { from: monthStart(today), to: today });
  const valid = range !== null && isLocalDate(range.from) && isLocalDate(range.to) && range.from <= range.to;
  const load = useCallback((_office: OfficeApi, span: DateRange) => duty.leaderDuty(span), [duty]);
  const reply = useRangeLoad(office, valid ? range : null, load);
  if (today === null || range === null) {
    return (
      <main className="office-view">
        <p className="office-empty">{t('office.loading')}</p>
      </main>
    );
  }

  const recorded = (visit: LeaderDutyVisit) => {
    notify({ kind: 'info', text: t('leaderDuty.recorded', { department: visit.department, name: visit.leaderName }) });
    reply.refresh();
  };

  return (
    <main className="office-view duty-view">
      <LeaderDutyForm windows={snapshot?.windows ?? []} today={today} duty={duty} onRecorded={recorded} />
      <div className="duty-lower">
        {reply.problem !== null && (
          <p className="office-notice office-notice-error" role="alert">
            {problemText(reply.problem, t)}
          </p>
        )}
        <section aria-labelledby="duty-standing-title">
          <h2 id="duty-standing-title" className="office-section-title">
            {t('leaderDuty.standingTitle')}
            <span className="office-title-date">{t('leaderDuty.asOf', { date: range.to < today ? range.to : today })}</span>
          </h2>
          {reply.value && <LeaderDutyStanding departments={reply.value.departments} />}
        </section>
        <section aria-labelledby="duty-visits-title">
          <h2 id="duty-visits-title" className="office-section-title">
            {t('leaderDuty.visitsTitle')}
          </h2>
          <RangePicker serviceDate={today} range={range} valid={valid} onRange={(r) => setChosen(r ?? { from: today, to: today })} />
          {reply.value && reply.value.visits.length === 0 && <p className="office-empty">{t('leaderDuty.noVisits')}</p>}
          <ul className="duty-visits" data-testid="leader-duty-visits">
            {reply.value?.visits.map((v) => (
              <li key={v.id} className="duty-visit" data-visit={v.id}>
                <strong className="duty-visit-date">{v.date}</strong>
                {(v.from !== null || v.to !== null) && <span>{`${v.from ?? ''}–${v.to ?? ''}`}</span>}
                <span>{v.department}</span>
                <span>{t(`leaderDuty.role.${v.role}`)}</span>
                <strong>{v.leaderName}</strong>
                <span>{t('leaderDuty.visitWindow', { no: v.windowNo })}</span>
                {v.note !== null && <span className="duty-visit-note">{v.note}</span>}
              </li>
            ))}
          </ul>
        </section>
      </div>
    </main>
  );
}
