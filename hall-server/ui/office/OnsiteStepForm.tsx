import { useState } from 'react';
import type { OnsiteService, StaffView } from '@hall/shared';
import { Problem, problemText, useFormSubmit, useT } from '@hall/shared/ui';
import type { DutyApi } from './duty-api';

/** Assigning staff, or moving the service on to one of these. */
export type OnsiteAction = 'assign' | 'in_progress' | 'done' | 'cancelled';

interface Props {
  service: OnsiteService;
  action: OnsiteAction;
  assignable: readonly StaffView[];
  duty: DutyApi;
  onDone(service: OnsiteService): void;
  onCancel(): void;
}

/** One step of a service, with its note: the staff to assign, or the move confirmed. */
export function OnsiteStepForm({ service, action, assignable, duty, onDone, onCancel }: Props) {
  const { t } = useT();
  const [staff, setStaff] = useState<readonly StaffView[]>(service.staff);
  const [note, setNote] = useState('');
  const chosen = new Set(staff.map((s) => s.staffNo));
  const { problem, busy, submit } = useFormSubmit({
    check: () => (action === 'assign' && staff.length === 0 ? t('onsite.staffMissing') : null),
    send: async () => {
      const withNote = note.trim() ? { note: note.trim() } : {};
      const change = action === 'assign' ? { staffNos: staff.map((s) => s.staffNo), ...withNote } : { status: action, ...withNote };
      onDone(await duty.changeOnsite(service.id, change));
    },
    refused: (error) => problemText(error, t),
  });
  const person = (s: StaffView) => t('onsite.person', { name: s.name, staffNo: s.staffNo });

  return (
    <form className="office-step-form" onSubmit={submit} noValidate data-testid="onsite-step-form">
      {action === 'assign' && (
        <div className="onsite-staff-pick">
          <label className="office-field">
            <span>{t('onsite.pickStaff')}</span>
            <select
              name="staff"
              value=""
              onChange={(e) => {
                const picked = assignable.find((s) => s.staffNo === e.target.value);
                if (picked) setStaff([...staff, picked]);
              }}
            >
              <option value="">{t('onsite.chooseStaff')}</option>
              {assignable
                .filter((s) => !chosen.has(s.staffNo))
                .map((s) => (
                  <option key={s.staffNo} value={s.staffNo}>
                    {person(s)}
                  </option>
                ))}
            </select>
          </label>
          <ul className="onsite-chosen">
            {staff.map((s) => (
              <li key={s.staffNo}>
                <button type="button" className="duty-choice" aria-label={t('onsite.removeStaff', { name: s.name })} onClick={() => setStaff(staff.filter((x) => x !== s))}>
                  {person(s)} ✕
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <label className="office-field">
        <span>{t('onsite.stepNote')}</span>
        <textarea name="note" rows={2} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} onKeyDown={(e) => e.key === 'Escape' && onCancel()} />
      </label>
      <Problem page="office" problem={problem} testId="onsite-step-problem" />
      <div className="office-step-buttons">
        <button type="button" className="office-secondary" onClick={onCancel}>
          {t('office.form.cancel')}
        </button>
        <button type="submit" className="office-primary" disabled={busy}>
          {t(busy ? 'office.form.saving' : `onsite.confirm.${action}`)}
        </button>
      </div>
    </form>
  );
}
