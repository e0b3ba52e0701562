import { useCallback, useState } from 'react';
import { type RosterEntry, type RosterReply, type Weekday } from '@hall/shared';
import { problemText, useT } from '@hall/shared/ui';
import { useAdmin } from './admin-context';
import { RosterEditor, type Person } from './RosterEditor';
import { useLoad } from './use-load';
import { inSlot, isoWeekday, sameRoster, slots, weekAfter, weekOf } from './roster-week';

type View = 'days' | 'pattern';

/**
 * 值班安排: a week of days, each with its roster (its own, or the weekly pattern's), edited
 * one day at a time; and, for administrators, the weekly pattern itself.
 */
export function RosterSection() {
  const { t } = useT();
  const { isAdmin, snapshot } = useAdmin();
  const [view, setView] = useState<View>('days');
  // The week opens on the hall's service day, which the hall feed tells.
  if (!snapshot) return <p className="admin-empty">{t('office.loading')}</p>;
  return (
    <div className="admin-roster">
      {isAdmin && (
        <div className="office-tabs" role="tablist" aria-label={t('admin.section.roster')}>
          {(['days', 'pattern'] as const).map((name) => (
            <button key={name} type="button" role="tab" className="office-tab" aria-selected={view === name} data-tab={name} onClick={() => setView(name)}>
              {t(`admin.roster.view.${name}`)}
            </button>
          ))}
        </div>
      )}
      {view === 'days' ? <DaysView serviceDate={snapshot.serviceDate} /> : <PatternView />}
    </div>
  );
}

/** Who may be put on duty: the hall's active captains and guides, as the server lists them for captains and administrators alike. */
function usePeople(): Person[] {
  const { admin, snapshot } = useAdmin();
  // Read again when the set-up changes (a new guide, someone retired), as the admin desk reads the set-up.
  const setupVersion = snapshot?.setupVersion;
  const people = useLoad(useCallback(() => (setupVersion === undefined ? Promise.resolve([]) : admin.dutyPeople()), [admin, setupVersion]));
  return people.value ?? [];
}

function DaysView({ serviceDate }: { serviceDate: string }) {
  const { t } = useT();
  const { admin, setup, say } = useAdmin();
  const today = serviceDate;
  const [monday, setMonday] = useState(() => weekOf(today)[0]!);
  const [editing, setEditing] = useState<string | null>(null);
  const days = weekOf(monday);
  const week = useLoad(useCallback(() => Promise.all(weekOf(monday).map((date) => admin.roster(date))), [admin, monday]));
  const rosters = week.value;
  const problem = week.problem === null ? null : problemText(week.problem, t);
  const load = week.refresh;
  const people = usePeople();

  const nameOf = (roster: RosterReply, staffNo: string) => roster.entries.find((e) => e.staffNo === staffNo)?.name ?? staffNo;
  const editingRoster = rosters?.find((r) => r.date === editing) ?? null;
  const dayLabel = (date: string) => t('admin.roster.dayLabel', { weekday: t(`admin.weekday.${isoWeekday(date)}`), date: date.slice(5) });
  return (
    <>
      <div className="admin-toolbar">
        <button type="button" className="office-secondary" onClick={() => setMonday(weekAfter(monday, -1))}>
          {t('admin.roster.previousWeek')}
        </button>
        <button type="button" className="office-secondary" onClick={() => setMonday(weekOf(today)[0]!)}>
          {t('admin.roster.thisWeek')}
        </button>
        <button type="button" className="office-secondary" onClick={() => setMonday(weekAfter(monday, 1))}>
          {t('admin.roster.nextWeek')}
        </button>
        <p className="admin-toolbar-text">{t('admin.roster.weekSpan', { from: days[0]!, to: days[6]! })}</p>
      </div>
      {problem && (
        <p className="office-notice office-notice-error" role="alert">
          {problem}
        </p>
      )}
      <div className="admin-week" data-testid="roster-week">
        {days.map((date) => {
          const roster = rosters?.find((r) => r.date === date);
          const pattern = setup?.settings.dutyWeek[isoWeekday(date)] ?? null;
          const own = roster && pattern !== null && setup ? !sameRoster(roster.entries, pattern) : false;
          return (
            <section key={date} className={`admin-day ${date === today ? 'admin-day-today' : ''} ${editing === date ? 'admin-day-editing' : ''}`} data-date={date}>
              <h3>
                <span>{t(`admin.weekday.${isoWeekday(date)}`)}</span> <span className="admin-num">{date.slice(5)}</span>
                {date === today && <span className="admin-badge admin-badge-ok">{t('admin.roster.today')}</span>}
              </h3>
              {own && <p className="admin-day-own">{t('admin.roster.ownRoster')}</p>}
              {roster ? (
                <dl className="admin-day-lines">
                  {slots.map(({ role, shift, label }) => {
                    const staffNos = inSlot(roster.entries, role, shift);
                    if (staffNos.length === 0) return null;
                    return (
                      <div key={`${role}-${shift}`} data-slot={`${role}-${shift}`}>
                        <dt>{t(label)}</dt>
                        <dd>{staffNos.map((no) => nameOf(roster, no)).join(t('office.listSeparator'))}</dd>
                      </div>
                    );
                  })}
                  {roster.entries.length === 0 && <p className="admin-field-hint">{t('admin.roster.empty')}</p>}
                </dl>
              ) : (
                <p className="admin-field-hint">{t('office.loading')}</p>
              )}
              <button
                type="button"
                className="office-secondary admin-day-edit"
                aria-label={t('admin.roster.editDay', { day: dayLabel(date) })}
                disabled={!roster}
                onClick={() => setEditing(date)}
              >
                {t('admin.edit')}
              </button>
            </section>
          );
        })}
      </div>
      {editingRoster && (
        <RosterEditor
          key={editingRoster.date}
          title={t('admin.roster.editingDay', { day: dayLabel(editingRoster.date) })}
          entries={editingRoster.entries.map(({ role, shift, staffNo }) => ({ role, shift, staffNo }))}
          people={people}
          onCancel={() => setEditing(null)}
          onSave={async (entries: RosterEntry[]) => {
            await admin.saveRoster(editingRoster.date, entries);
            await load();
            setEditing(null);
            say(t('admin.roster.saved', { day: dayLabel(editingRoster.date) }));
          }}
        />
      )}
    </>
  );
}

/** The weekly pattern (settings.dutyWeek): a day without its own roster follows its weekday's. */
function PatternView() {
  const { t } = useT();
  const { admin, setup, reload, say } = useAdmin();
  const [editing, setEditing] = useState<Weekday | null>(null);
  const people = usePeople();
  if (!setup) return <p className="admin-empty">{t('office.loading')}</p>;
  const { settings } = setup;
  const weekdays = ['1', '2', '3', '4', '5', '6', '7'] as const;
  const nameOf = (staffNo: string) => setup.staff.find((s) => s.staffNo === staffNo)?.name ?? staffNo;
  return (
    <>
      <p className="admin-field-hint">{t('admin.roster.patternHint')}</p>
      <div className="admin-week" data-testid="roster-pattern">
        {weekdays.map((weekday) => {
          const entries = settings.dutyWeek[weekday] ?? [];
          return (
            <section key={weekday} className={`admin-day ${editing === weekday ? 'admin-day-editing' : ''}`} data-weekday={weekday}>
              <h3>{t(`admin.weekday.${weekday}`)}</h3>
              <dl className="admin-day-lines">
                {slots.map(({ role, shift, label }) => {
                  const staffNos = inSlot(entries, role, shift);
                  if (staffNos.length === 0) return null;
                  return (
                    <div key={`${role}-${shift}`}>
                      <dt>{t(label)}</dt>
                      <dd>{staffNos.map(nameOf).join(t('office.listSeparator'))}</dd>
                    </div>
                  );
                })}
                {entries.length === 0 && <p className="admin-field-hint">{t('admin.roster.empty')}</p>}
              </dl>
              <button
                type="button"
                className="office-secondary admin-day-edit"
                aria-label={t('admin.roster.editDay', { day: t(`admin.weekday.${weekday}`) })}
                onClick={() => setEditing(weekday)}
              >
                {t('admin.edit')}
              </button>
            </section>
          );
        })}
      </div>
      {editing && (
        <RosterEditor
          key={editing}
          title={t('admin.roster.editingPattern', { weekday: t(`admin.weekday.${editing}`) })}
          entries={settings.dutyWeek[editing] ?? []}
          people={people}
          onCancel={() => setEditing(null)}
          onSave={async (entries) => {
            await admin.saveSettings({ ...settings, dutyWeek: { ...settings.dutyWeek, [editing]: entries } });
            await reload();
            setEditing(null);
            say(t('admin.roster.patternSaved', { weekday: t(`admin.weekday.${editing}`) }));
          }}
        />
      )}
    </>
  );
}
