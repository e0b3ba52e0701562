import { useState } from 'react';
import type { OnsiteService } from '@hall/shared';
import { Problem, problemText, useFormSubmit, useT } from '@hall/shared/ui';
import type { DutyApi } from './duty-api';

interface Props {
  departments: readonly string[];
  today: string;
  duty: DutyApi;
  onRequested(service: OnsiteService): void;
  onCancel(): void;
}

/** 登记上门服务申请: who asked, where, what, which department, when (the hall's local time). */
export function OnsiteRequestForm({ departments, today, duty, onRequested, onCancel }: Props) {
  const { t } = useT();
  const [requester, setRequester] = useState('');
  const [contact, setContact] = useState('');
  const [address, setAddress] = useState('');
  const [matter, setMatter] = useState('');
  const [department, setDepartment] = useState('');
  const [date, setDate] = useState(today);
  const [time, setTime] = useState('');
  const [note, setNote] = useState('');
  const text = (value: string) => value.trim();

  const { problem, busy, submit } = useFormSubmit({
    check: () => ([requester, address, matter, department, date, time].every((v) => text(v) !== '') ? null : t('onsite.missing')),
    send: async () =>
      onRequested(
        await duty.requestOnsite({
          requester: text(requester),
          address: text(address),
          matter: text(matter),
          department,
          date,
          time,
          ...(text(contact) ? { contact: text(contact) } : {}),
          ...(text(note) ? { note: text(note) } : {}),
        }),
      ),
    refused: (error) => problemText(error, t),
  });

  return (
    <form className="duty-form onsite-request" onSubmit={submit} noValidate data-testid="onsite-request-form">
      <h2 className="office-section-title">{t('onsite.formTitle')}</h2>
      <div className="duty-row">
        <label className="office-field duty-grow">
          <span>{t('onsite.requester')}</span>
          <input name="requester" value={requester} maxLength={60} onChange={(e) => setRequester(e.target.value)} />
        </label>
        <label className="office-field">
          <span>{t('onsite.contact')}</span>
          <input name="contact" type="tel" value={contact} maxLength={20} onChange={(e) => setContact(e.target.value)} />
        </label>
      </div>
      <div className="duty-row">
        <label className="office-field duty-grow">
          <span>{t('onsite.address')}</span>
          <input name="address" value={address} maxLength={120} onChange={(e) => setAddress(e.target.value)} />
        </label>
        <label className="office-field duty-grow">
          <span>{t('onsite.matter')}</span>
          <input name="matter" value={matter} maxLength={120} onChange={(e) => setMatter(e.target.value)} />
        </label>
      </div>
      <div className="duty-row">
        <label className="office-field duty-grow">
          <span>{t('leaderDuty.department')}</span>
          <select name="department" value={department} onChange={(e) => setDepartment(e.target.value)}>
            <option value="">{t('leaderDuty.chooseDepartment')}</option>
            {departments.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
        <label className="office-field">
          <span>{t('onsite.date')}</span>
          <input type="date" name="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
        <label className="office-field">
          <span>{t('onsite.time')}</span>
          <input type="time" name="time" value={time} onChange={(e) => setTime(e.target.value)} />
        </label>
      </div>
      <label className="office-field">
        <span>{t('leaderDuty.note')}</span>
        <textarea name="note" rows={2} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <Problem page="office" problem={problem} testId="onsite-request-problem" />
      <div className="office-step-buttons">
        <button type="button" className="office-secondary" onClick={onCancel}>
          {t('office.form.cancel')}
        </button>
        <button type="submit" className="office-primary" disabled={busy}>
          {t(busy ? 'office.form.saving' : 'onsite.save')}
        </button>
      </div>
    </form>
  );
}
