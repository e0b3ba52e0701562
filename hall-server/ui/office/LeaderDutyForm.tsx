import { useState } from 'react';
import type { LeaderDutyVisit, LeaderRole, WindowView } from '@hall/shared';
import { Problem, problemText, useFormSubmit, useT } from '@hall/shared/ui';
import type { DutyApi } from './duty-api';

interface Props {
  /** The hall's windows (live): the departments are theirs. */
  windows: readonly WindowView[];
  today: string;
  duty: DutyApi;
  onRecorded(visit: LeaderDutyVisit): void;
}

const ROLES: readonly LeaderRole[] = ['head', 'deputy'];

/** 登记领导值班: the department, then one of its windows, who sat, as what, when. */
export function LeaderDutyForm({ windows, today, duty, onRecorded }: Props) {
  const { t } = useT();
  const [department, setDepartment] = useState('');
  const [windowNo, setWindowNo] = useState('');
  const [leaderName, setLeaderName] = useState('');
  const [role, setRole] = useState<LeaderRole>('head');
  const [date, setDate] = useState(today);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [note, setNote] = useState('');
  const departments = [...new Set(windows.map((w) => w.department))];
  const itsWindows = windows.filter((w) => w.department === department);

  const chooseDepartment = (chosen: string) => {
    setDepartment(chosen);
    // A department with one window has nothing to choose.
    const only = windows.filter((w) => w.department === chosen);
    setWindowNo(only.length === 1 ? String(only[0]!.no) : '');
  };

  const { problem, busy, submit } = useFormSubmit({
    check: () => (department && windowNo && leaderName.trim() && date ? null : t('leaderDuty.missing')),
    send: async () => {
      const visit = await duty.recordSitting({
        department,
        windowNo: Number(windowNo),
        leaderName: leaderName.trim(),
        role,
        date,
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      setLeaderName('');
      setFrom('');
      setTo('');
      setNote('');
      onRecorded(visit);
    },
    refused: (error) => problemText(error, t),
  });

  return (
    <form className="duty-form" onSubmit={submit} noValidate data-testid="leader-duty-form">
      <h2 className="office-section-title">{t('leaderDuty.formTitle')}</h2>
      <div className="duty-row">
        <label className="office-field duty-wide">
          <span>{t('leaderDuty.department')}</span>
          <select name="department" value={department} onChange={(e) => chooseDepartment(e.target.value)}>
            <option value="">{t('leaderDuty.chooseDepartment')}</option>
            {departments.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
        <label className="office-field duty-wide">
          <span>{t('leaderDuty.window')}</span>
          <select name="windowNo" value={windowNo} disabled={department === ''} onChange={(e) => setWindowNo(e.target.value)}>
            <option value="">{t('leaderDuty.chooseWindow')}</option>
            {itsWindows.map((w) => (
              <option key={w.no} value={w.no}>
                {t('leaderDuty.windowOption', { no: w.no, name: w.name })}
              </option>
            ))}
          </select>
        </label>
        <label className="office-field duty-grow">
          <span>{t('leaderDuty.leaderName')}</span>
          <input name="leaderName" value={leaderName} maxLength={20} onChange={(e) => setLeaderName(e.target.value)} />
        </label>
        <fieldset className="duty-roles">
          <legend>{t('leaderDuty.role')}</legend>
          {ROLES.map((r) => (
            <button key={r} type="button" className="duty-choice" aria-pressed={role === r} data-role={r} onClick={() => setRole(r)}>
              {t(`leaderDuty.role.${r}`)}
            </button>
          ))}
        </fieldset>
      </div>
      <div className="duty-row">
        <label className="office-field duty-date">
          <span>{t('leaderDuty.date')}</span>
          <input type="date" name="date" value={date} max={today} onChange={(e) => setDate(e.target.value)} />
        </label>
        <label className="office-field duty-time">
          <span>{t('leaderDuty.from')}</span>
          <input type="time" name="from" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label className="office-field duty-time">
          <span>{t('leaderDuty.to')}</span>
          <input type="time" name="to" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <label className="office-field duty-grow">
          <span>{t('leaderDuty.note')}</span>
          <input name="note" maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
        <button type="submit" className="office-primary" disabled={busy}>
          {t(busy ? 'office.form.saving' : 'leaderDuty.save')}
        </button>
      </div>
      <Problem page="office" problem={problem} testId="leader-duty-problem" />
    </form>
  );
}
