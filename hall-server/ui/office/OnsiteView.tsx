import { useCallback, useMemo, useState } from 'react';
import type { OnsiteFilter, OnsiteService } from '@hall/shared';
import { problemText, useT } from '@hall/shared/ui';
import { dutyApi } from './duty-api';
import { monthStart } from './format';
import type { DateRange, OfficeApi } from './office-api';
import type { OfficeViewProps } from './office-views';
import { OnsiteItem } from './OnsiteItem';
import { OnsiteRequestForm } from './OnsiteRequestForm';
import { useRangeLoad } from './use-range-load';
import './duty.css';

const TABS: readonly OnsiteFilter[] = ['open', 'requested', 'assigned', 'in_progress', 'done', 'cancelled'];
/** The finished ones are many over time: this month's are listed. */
const FINISHED: ReadonlySet<OnsiteFilter> = new Set(['done', 'cancelled']);

/** 上门服务: the services by status, a new request, staff assigned, moved on to done with notes. */
export function OnsiteView({ api, office, token, snapshot, timezone, notify }: OfficeViewProps) {
  const { t, locale } = useT();
  const duty = useMemo(() => dutyApi(api, token, locale), [api, token, locale]);
  // The hall's day, from its first snapshot.
  const today = snapshot?.serviceDate ?? null;
  const [filter, setFilter] = useState<OnsiteFilter>('open');
  const [creating, setCreating] = useState(false);
  const month = today === null ? null : { from: monthStart(today), to: today };
  const load = useCallback(
    (_office: OfficeApi, span: DateRange) => duty.onsiteServices(filter, FINISHED.has(filter) ? span : undefined),
    [duty, filter],
  );
  const reply = useRangeLoad(office, month, load);
  const departments = [...new Set((snapshot?.windows ?? []).map((w) => w.department))];
  if (today === null || month === null) {
    return (
      <main className="office-view">
        <p className="office-empty">{t('office.loading')}</p>
      </main>
    );
  }

  const requested = (service: OnsiteService) => {
    setCreating(false);
    notify({ kind: 'info', text: t('onsite.requestedNotice', { matter: service.matter }) });
    reply.refresh();
  };
  const changed = (service: OnsiteService) => {
    notify({ kind: 'info', text: t('onsite.changedNotice', { matter: service.matter, status: t(`onsite.status.${service.status}`) }) });
    reply.refresh();
  };

  return (
    <main className="office-view onsite-view">
      <div className="office-list-head">
        <div className="office-tabs" role="tablist">
          {TABS.map((name) => (
            <button key={name} type="button" role="tab" aria-selected={filter === name} className="office-tab" data-tab={name} onClick={() => setFilter(name)}>
              {name === 'open' ? t('onsite.tab.open') : t(`onsite.status.${name}`)}
            </button>
          ))}
        </div>
        {!creating && (
          <button type="button" className="office-primary" data-action="new-onsite" onClick={() => setCreating(true)}>
            {t('onsite.new')}
          </button>
        )}
      </div>
      {creating && <OnsiteRequestForm departments={departments} today={today} duty={duty} onRequested={requested} onCancel={() => setCreating(false)} />}
      {FINISHED.has(filter) && <p className="office-list-span">{t('onsite.spanNote', month)}</p>}
      {reply.problem !== null && (
        <p className="office-notice office-notice-error" role="alert">
          {problemText(reply.problem, t)}
        </p>
      )}
      {reply.value && reply.value.services.length === 0 && <p className="office-empty">{t('onsite.empty')}</p>}
      <ul className="office-items" data-testid="onsite-list" role="tabpanel">
        {reply.value?.services.map((service) => (
          <OnsiteItem key={service.id} service={service} assignable={reply.value?.assignable ?? []} timezone={timezone} duty={duty} onChanged={changed} />
        ))}
      </ul>
    </main>
  );
}
