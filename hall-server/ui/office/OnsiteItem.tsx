import { useState } from 'react';
import { ONSITE_MOVES, type OnsiteService, type StaffView } from '@hall/shared';
import { useT } from '@hall/shared/ui';
import type { DutyApi } from './duty-api';
import { formatInstant } from './format';
import { OnsiteStepForm, type OnsiteAction } from './OnsiteStepForm';

interface Props {
  service: OnsiteService;
  assignable: readonly StaffView[];
  timezone: string;
  duty: DutyApi;
  onChanged(service: OnsiteService): void;
}

/** What can be done next: staff assigned (or changed) until it is under way, then the moves the rules allow. */
function actionsOf(service: OnsiteService): OnsiteAction[] {
  const assign: OnsiteAction[] = service.status === 'requested' || service.status === 'assigned' ? ['assign'] : [];
  const moves = ONSITE_MOVES[service.status].filter((s): s is Exclude<OnsiteAction, 'assign'> => s !== 'assigned');
  return [...assign, ...moves];
}

/** One on-site service: what, where, for whom, when, who goes, its steps, and what to do next. */
export function OnsiteItem({ service: s, assignable, timezone, duty, onChanged }: Props) {
  const { t } = useT();
  const [action, setAction] = useState<OnsiteAction | null>(null);
  const names = (staff: readonly StaffView[]) => staff.map((p) => p.name).join(t('office.listSeparator'));
  const actionLabel = (a: OnsiteAction) => (a === 'assign' && s.status === 'assigned' ? t('onsite.action.reassign') : t(`onsite.action.${a}`));

  return (
    <li className={`office-item onsite-item onsite-item-${s.status}`} data-service={s.id} data-status={s.status}>
      <div className="office-item-head">
        <strong className="onsite-matter">{s.matter}</strong>
        <span className={`office-status onsite-status-${s.status}`} data-testid="onsite-status">
          {t(`onsite.status.${s.status}`)}
        </span>
        <span className="office-item-spacer" />
        {action === null &&
          actionsOf(s).map((a) => (
            <button key={a} type="button" className={a === 'cancelled' ? 'office-secondary onsite-action' : 'office-primary onsite-action'} data-action={a} onClick={() => setAction(a)}>
              {actionLabel(a)}
            </button>
          ))}
      </div>
      <p className="office-item-where">
        <span>{t('onsite.when', { time: formatInstant(s.scheduledAt, timezone) })}</span>
        <span>{s.department}</span>
      </p>
      <p>
        <span>{s.requester}</span>
        <span>{s.address}</span>
        {s.contact !== null && <span className="office-item-phone">{t('onsite.contactLine', { phone: s.contact })}</span>}
      </p>
      <p data-testid="onsite-staff">{s.staff.length > 0 ? t('onsite.staff', { names: names(s.staff) }) : t('onsite.noStaff')}</p>
      <ol className="onsite-steps">
        {/* Steps are only ever added, in order. */}
        {s.steps.map((step, index) => (
          <li key={index} className="office-item-step">
            <span>{formatInstant(step.at, timezone)}</span>
            <span>{step.by.name}</span>
            <strong>{t(`onsite.status.${step.status}`)}</strong>
            {step.staff !== null && <span>{names(step.staff)}</span>}
            {step.note !== null && <span className="office-item-note">{step.note}</span>}
          </li>
        ))}
      </ol>
      {action !== null && (
        <OnsiteStepForm
          service={s}
          action={action}
          assignable={assignable}
          duty={duty}
          onDone={(changed) => {
            setAction(null);
            onChanged(changed);
          }}
          onCancel={() => setAction(null)}
        />
      )}
    </li>
  );
}
