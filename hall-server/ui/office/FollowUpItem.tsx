import { useState } from 'react';
import type { FollowUpView } from '@hall/shared';
import { useT } from '@hall/shared/ui';
import { formatInstant } from './format';
import type { FollowUpStep, OfficeApi } from './office-api';
import { StepForm } from './StepForm';

interface Props {
  followUp: FollowUpView;
  timezone: string;
  fresh: boolean;
  office: OfficeApi;
  onRecorded(followUp: FollowUpView): void;
  onStale(): void;
}

/** The step still to record: the fix only once the visitor has been called back. */
function nextStep(followUp: FollowUpView): FollowUpStep | null {
  if (followUp.status === 'awaiting_callback') return 'callback';
  if (followUp.status === 'awaiting_fix') return 'fix';
  return null;
}

/** One poor rating: who, where, why, by when, and what has been done about it. */
export function FollowUpItem({ followUp: f, timezone, fresh, office, onRecorded, onStale }: Props) {
  const { t } = useT();
  const [editing, setEditing] = useState<FollowUpStep | null>(null);
  const step = nextStep(f);
  const reasons = f.reasons.map((reason) => t(`evaluation.reason.${reason}`)).join(t('office.listSeparator'));

  return (
    <li className={`office-item office-item-${f.status}${f.overdue ? ' office-item-overdue' : ''}`} data-follow-up={f.id} data-number={f.number}>
      <div className="office-item-head">
        <strong className="office-item-number" data-testid="item-number">
          {f.number}
        </strong>
        <span className={`office-level-badge office-level-badge-${f.level}`} data-testid="item-level">
          {t(`evaluation.level.${f.level}`)}
        </span>
        <span className={`office-status office-status-${f.status}`} data-testid="item-status">
          {t(`followUp.status.${f.status}`)}
        </span>
        {f.overdue && (
          <span className="office-overdue" data-testid="item-overdue">
            {t('office.overdue')}
          </span>
        )}
        {fresh && <span className="office-fresh">{t('office.fresh')}</span>}
        <span className="office-item-spacer" />
        {step && editing === null && (
          <button type="button" className="office-primary" data-action={step} onClick={() => setEditing(step)}>
            {t(`office.action.${step}`)}
          </button>
        )}
      </div>
      <p className="office-item-where">
        <span data-testid="item-window">{t('office.item.window', { no: f.windowNo, name: f.windowName })}</span>
        <span data-testid="item-staff">{f.staff ? t('office.item.staff', { name: f.staff.name, staffNo: f.staff.staffNo }) : t('office.item.noStaff')}</span>
        {f.caseNo && <span data-testid="item-case">{t('office.item.caseNo', { caseNo: f.caseNo })}</span>}
      </p>
      <p className="office-item-why">
        <span data-testid="item-reasons">{t('office.item.reasons', { reasons })}</span>
        {f.comment && <span data-testid="item-comment">{t('office.item.comment', { comment: f.comment })}</span>}
        {f.callbackPhone && (
          <span className="office-item-phone" data-testid="item-callback-phone">
            {t('office.item.callbackPhone', { phone: f.callbackPhone })}
          </span>
        )}
      </p>
      <p className="office-item-when">
        <span data-testid="item-opened">{t('office.item.openedAt', { time: formatInstant(f.openedAt, timezone) })}</span>
        <span className={f.callback === null && f.callbackLate ? 'office-late' : undefined} data-testid="item-callback-due">
          {t('office.item.callbackDue', { date: f.callbackDue })}
        </span>
        <span className={f.fix === null && f.fixLate ? 'office-late' : undefined} data-testid="item-fix-due">
          {t('office.item.fixDue', { date: f.fixDue })}
        </span>
      </p>
      {(['callback', 'fix'] as const).map((name) => {
        const done = f[name];
        if (!done) return null;
        const late = name === 'callback' ? f.callbackLate : f.fixLate;
        return (
          <p key={name} className="office-item-step" data-testid={`item-${name}`}>
            {t(`office.item.${name}Done`, { time: formatInstant(done.at, timezone), name: done.by.name, staffNo: done.by.staffNo })}
            {late && <span className="office-late">{t('office.item.doneLate')}</span>}
            <span className="office-item-note">{done.note}</span>
          </p>
        );
      })}
      {editing && (
        <StepForm
          followUp={f}
          step={editing}
          office={office}
          onDone={(updated) => {
            setEditing(null);
            onRecorded(updated);
          }}
          onStale={onStale}
          onCancel={() => setEditing(null)}
        />
      )}
    </li>
  );
}
