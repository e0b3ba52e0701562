import { useState } from 'react';
import { AdminSettingsBody, type HallSettings, type UnattendedTickets } from '@hall/shared';
import { Problem, useT } from '@hall/shared/ui';
import { useAdmin } from './admin-context';
import { DateList } from './DateList';
import { Field, FieldGroup } from './Field';
import type { FieldRules } from './field-errors';
import { useAdminForm } from './use-admin-form';

const rules: FieldRules = {
  name: 'admin.settings.nameRule',
  openingHours: 'admin.settings.hoursRule',
  'openingHours.open': 'admin.settings.clockRule',
  'openingHours.close': 'admin.settings.clockRule',
  'rules.priorityStreakLimit': 'admin.settings.streakRule',
  'rules.ordinaryMaxWaitMinutes': 'admin.settings.maxWaitRule',
  'rules.handlingSamples': 'admin.settings.samplesRule',
  'shifts.morning.start': 'admin.settings.clockRule',
  'shifts.morning.end': 'admin.settings.clockRule',
  'shifts.afternoon.start': 'admin.settings.clockRule',
  'shifts.afternoon.end': 'admin.settings.clockRule',
  evaluationSeconds: 'admin.settings.evaluationRule',
  'calendar.holidays': 'admin.settings.datesRule',
  'calendar.workdays': 'admin.settings.datesRule',
  supervisionPhone: 'admin.settings.phoneRule',
  unattendedTickets: 'admin.settings.unattendedRule',
  timezone: 'admin.settings.timezoneRule',
  // The office's alerts and leader duty (issue 16).
  waitTargetMinutes: 'admin.settings.officeMinutesRule',
  pauseLimitMinutes: 'admin.settings.officeMinutesRule',
  'leaderDuty.headEveryMonths': 'admin.settings.leaderMonthsRule',
  'leaderDuty.deputyEveryMonths': 'admin.settings.leaderMonthsRule',
  // The nightly backup (issue 17).
  'backup.time': 'admin.settings.clockRule',
  'backup.keepDays': 'admin.settings.keepDaysRule',
};

/** A number typed into a field; an empty field is no number at all (the schema says so beside it). */
const numberOf = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

/** 大厅设置: the hall's name, hours, queue rules, ratings, calendar and supervision line. */
export function SettingsSection() {
  const { t } = useT();
  const { setup } = useAdmin();
  if (!setup) return <p className="admin-empty">{t('office.loading')}</p>;
  return <SettingsForm key={JSON.stringify(setup.settings)} settings={setup.settings} />;
}

function SettingsForm({ settings }: { settings: HallSettings }) {
  const { t } = useT();
  const { admin, reload, say } = useAdmin();
  const [name, setName] = useState(settings.name);
  const [open, setOpen] = useState(settings.openingHours.open);
  const [close, setClose] = useState(settings.openingHours.close);
  const [streak, setStreak] = useState(String(settings.rules.priorityStreakLimit));
  const [maxWait, setMaxWait] = useState(String(settings.rules.ordinaryMaxWaitMinutes));
  const [samples, setSamples] = useState(String(settings.rules.handlingSamples));
  const [shifts, setShifts] = useState(settings.shifts);
  const [evaluation, setEvaluation] = useState(String(settings.evaluationSeconds));
  const [phone, setPhone] = useState(settings.supervisionPhone ?? '');
  const [unattended, setUnattended] = useState<UnattendedTickets>(settings.unattendedTickets);
  const [holidays, setHolidays] = useState(settings.calendar.holidays);
  const [workdays, setWorkdays] = useState(settings.calendar.workdays);
  const [waitTarget, setWaitTarget] = useState(String(settings.waitTargetMinutes));
  const [pauseLimit, setPauseLimit] = useState(String(settings.pauseLimitMinutes));
  const [headEvery, setHeadEvery] = useState(String(settings.leaderDuty.headEveryMonths));
  const [deputyEvery, setDeputyEvery] = useState(String(settings.leaderDuty.deputyEveryMonths));
  const [backupTime, setBackupTime] = useState(settings.backup.time);
  const [keepDays, setKeepDays] = useState(String(settings.backup.keepDays));
  const form = useAdminForm({
    schema: AdminSettingsBody,
    body: (): unknown => {
      const { supervisionPhone: _, ...rest } = settings;
      return {
        ...rest,
        name: name.trim(),
        openingHours: { open, close },
        rules: { priorityStreakLimit: numberOf(streak), ordinaryMaxWaitMinutes: numberOf(maxWait), handlingSamples: numberOf(samples) },
        shifts,
        evaluationSeconds: numberOf(evaluation),
        calendar: { holidays, workdays },
        ...(phone.trim() ? { supervisionPhone: phone.trim() } : {}),
        unattendedTickets: unattended,
        waitTargetMinutes: numberOf(waitTarget),
        pauseLimitMinutes: numberOf(pauseLimit),
        leaderDuty: { headEveryMonths: numberOf(headEvery), deputyEveryMonths: numberOf(deputyEvery) },
        backup: { time: backupTime, keepDays: numberOf(keepDays) },
      };
    },
    rules,
    send: async (valid) => {
      await admin.saveSettings(valid);
      await reload();
      say(t('admin.settings.saved'));
    },
  });
  const shiftField = (shift: 'morning' | 'afternoon', end: 'start' | 'end') => (
    <Field name={`shifts.${shift}.${end}`} label={t(`admin.settings.${shift}.${end}`)} error={form.fields[`shifts.${shift}.${end}`]} className="admin-field-short">
      {(control) => (
        <input {...control} inputMode="numeric" placeholder="08:30" value={shifts[shift][end]} onChange={(e) => setShifts({ ...shifts, [shift]: { ...shifts[shift], [end]: e.target.value } })} />
      )}
    </Field>
  );
  return (
    <form className="admin-settings" onSubmit={form.submit} noValidate aria-label={t('admin.section.settings')}>
      <div className="admin-settings-grid">
        <fieldset className="admin-box">
          <legend>{t('admin.settings.hall')}</legend>
          <Field name="name" label={t('admin.settings.name')} error={form.fields.name}>
            {(control) => <input {...control} value={name} onChange={(e) => setName(e.target.value)} />}
          </Field>
          <div className="admin-pair">
            <Field name="openingHours.open" label={t('admin.settings.open')} error={form.fields['openingHours.open'] ?? form.fields.openingHours} className="admin-field-short">
              {(control) => <input {...control} inputMode="numeric" placeholder="09:00" value={open} onChange={(e) => setOpen(e.target.value)} />}
            </Field>
            <Field name="openingHours.close" label={t('admin.settings.close')} error={form.fields['openingHours.close']} className="admin-field-short">
              {(control) => <input {...control} inputMode="numeric" placeholder="17:00" value={close} onChange={(e) => setClose(e.target.value)} />}
            </Field>
          </div>
          <Field name="supervisionPhone" label={t('admin.settings.phone')} hint={t('admin.settings.phoneHint')} error={form.fields.supervisionPhone}>
            {(control) => <input {...control} inputMode="tel" value={phone} onChange={(e) => setPhone(e.target.value)} />}
          </Field>
          <p className="admin-field-hint">{t('admin.settings.timezone', { timezone: settings.timezone })}</p>
        </fieldset>
        <fieldset className="admin-box">
          <legend>{t('admin.settings.queue')}</legend>
          <Field name="rules.priorityStreakLimit" label={t('admin.settings.streak')} hint={t('admin.settings.streakHint')} error={form.fields['rules.priorityStreakLimit']}>
            {(control) => <input {...control} inputMode="numeric" value={streak} onChange={(e) => setStreak(e.target.value)} />}
          </Field>
          <Field name="rules.ordinaryMaxWaitMinutes" label={t('admin.settings.maxWait')} hint={t('admin.settings.maxWaitHint')} error={form.fields['rules.ordinaryMaxWaitMinutes']}>
            {(control) => <input {...control} inputMode="numeric" value={maxWait} onChange={(e) => setMaxWait(e.target.value)} />}
          </Field>
          <Field name="rules.handlingSamples" label={t('admin.settings.samples')} hint={t('admin.settings.samplesHint')} error={form.fields['rules.handlingSamples']}>
            {(control) => <input {...control} inputMode="numeric" value={samples} onChange={(e) => setSamples(e.target.value)} />}
          </Field>
          <Field name="evaluationSeconds" label={t('admin.settings.evaluation')} hint={t('admin.settings.evaluationHint')} error={form.fields.evaluationSeconds}>
            {(control) => <input {...control} inputMode="numeric" value={evaluation} onChange={(e) => setEvaluation(e.target.value)} />}
          </Field>
        </fieldset>
        <fieldset className="admin-box">
          <legend>{t('admin.settings.shiftsAndTickets')}</legend>
          <div className="admin-pair">
            {shiftField('morning', 'start')}
            {shiftField('morning', 'end')}
          </div>
          <div className="admin-pair">
            {shiftField('afternoon', 'start')}
            {shiftField('afternoon', 'end')}
          </div>
          <FieldGroup name="unattendedTickets" legend={t('admin.settings.unattended')} error={form.fields.unattendedTickets}>
            {(['allow', 'refuse'] as const).map((choice) => (
              <label key={choice} className="admin-choice">
                <input type="radio" name="unattendedTickets" checked={unattended === choice} onChange={() => setUnattended(choice)} />
                <span>{t(`admin.settings.unattended.${choice}`)}</span>
              </label>
            ))}
          </FieldGroup>
        </fieldset>
        <fieldset className="admin-box">
          <legend>{t('admin.settings.office')}</legend>
          <Field name="waitTargetMinutes" label={t('admin.settings.waitTarget')} hint={t('admin.settings.waitTargetHint')} error={form.fields.waitTargetMinutes}>
            {(control) => <input {...control} inputMode="numeric" value={waitTarget} onChange={(e) => setWaitTarget(e.target.value)} />}
          </Field>
          <Field name="pauseLimitMinutes" label={t('admin.settings.pauseLimit')} hint={t('admin.settings.pauseLimitHint')} error={form.fields.pauseLimitMinutes}>
            {(control) => <input {...control} inputMode="numeric" value={pauseLimit} onChange={(e) => setPauseLimit(e.target.value)} />}
          </Field>
          <Field name="leaderDuty.headEveryMonths" label={t('admin.settings.headEvery')} error={form.fields['leaderDuty.headEveryMonths']}>
            {(control) => <input {...control} inputMode="numeric" value={headEvery} onChange={(e) => setHeadEvery(e.target.value)} />}
          </Field>
          <Field name="leaderDuty.deputyEveryMonths" label={t('admin.settings.deputyEvery')} hint={t('admin.settings.leaderDutyHint')} error={form.fields['leaderDuty.deputyEveryMonths']}>
            {(control) => <input {...control} inputMode="numeric" value={deputyEvery} onChange={(e) => setDeputyEvery(e.target.value)} />}
          </Field>
        </fieldset>
        <fieldset className="admin-box">
          <legend>{t('admin.settings.backup')}</legend>
          <Field name="backup.time" label={t('admin.settings.backupTime')} hint={t('admin.settings.backupTimeHint')} error={form.fields['backup.time']} className="admin-field-short">
            {(control) => <input {...control} inputMode="numeric" placeholder="02:00" value={backupTime} onChange={(e) => setBackupTime(e.target.value)} />}
          </Field>
          <Field name="backup.keepDays" label={t('admin.settings.keepDays')} hint={t('admin.settings.keepDaysHint')} error={form.fields['backup.keepDays']} className="admin-field-short">
            {(control) => <input {...control} inputMode="numeric" value={keepDays} onChange={(e) => setKeepDays(e.target.value)} />}
          </Field>
        </fieldset>
        <DateList name="calendar.holidays" legend={t('admin.settings.holidays')} hint={t('admin.settings.holidaysHint')} dates={holidays} error={form.fields['calendar.holidays']} onChange={setHolidays} />
        <DateList name="calendar.workdays" legend={t('admin.settings.workdays')} hint={t('admin.settings.workdaysHint')} dates={workdays} error={form.fields['calendar.workdays']} onChange={setWorkdays} />
      </div>
      <div className="admin-form-buttons admin-sticky-buttons">
        <Problem page="office" problem={form.problem} testId="form-problem" />
        <button type="submit" className="office-primary" disabled={form.busy}>
          {t(form.busy ? 'office.form.saving' : 'admin.save')}
        </button>
      </div>
    </form>
  );
}
