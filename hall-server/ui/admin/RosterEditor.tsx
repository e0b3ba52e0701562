import { useState } from 'react';
import { StaffNo, type RosterEntry } from '@hall/shared';
import { Problem, problemText, useT } from '@hall/shared/ui';
import { inSlot, slots, toggleEntry } from './roster-week';

export interface Person {
  staffNo: string;
  name: string;
  roles: readonly string[];
}

interface Props {
  title: string;
  entries: readonly RosterEntry[];
  people: readonly Person[];
  /** Whether people may be put on by staff number (a duty captain, who does not read the set-up, knows only those the rosters name). */
  byStaffNo?: boolean;
  onSave(entries: RosterEntry[]): Promise<void>;
  onCancel(): void;
}

/** One day's duty (or a weekday's pattern): in each slot, the people of that role to press in or out. */
export function RosterEditor({ title, entries: initial, people, byStaffNo = false, onSave, onCancel }: Props) {
  const { t } = useT();
  const [entries, setEntries] = useState<RosterEntry[]>([...initial]);
  /** Those put on by staff number, known by it until the server names them. */
  const [typed, setTyped] = useState<Person[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await onSave(entries);
    } catch (error) {
      setProblem(problemText(error, t));
    }
    setBusy(false);
  };
  return (
    <section className="admin-roster-editor" aria-label={title} data-testid="roster-editor">
      <h3>{title}</h3>
      <div className="admin-slots">
        {slots.map(({ role, shift }) => {
          const chosen = inSlot(entries, role, shift);
          const eligible = [...people, ...typed.filter((p) => !people.some((known) => known.staffNo === p.staffNo))].filter((p) => p.roles.includes(role));
          return (
            <div key={`${role}-${shift}`} className="admin-slot" role="group" aria-label={t(`admin.roster.slot.${role}.${shift}`)} data-slot={`${role}-${shift}`}>
              <span className="admin-slot-name">{t(`admin.roster.slot.${role}.${shift}`)}</span>
              <div className="admin-chips">
                {eligible.length === 0 && <span className="admin-field-hint">{t('admin.roster.nobody')}</span>}
                {eligible.map((person) => (
                  <button
                    key={person.staffNo}
                    type="button"
                    className="office-chip"
                    aria-pressed={chosen.includes(person.staffNo)}
                    data-staff={person.staffNo}
                    onClick={() => setEntries(toggleEntry(entries, { role, shift, staffNo: person.staffNo }))}
                  >
                    {person.name}
                  </button>
                ))}
              </div>
              {byStaffNo && (
                <StaffNoAdder
                  label={t('admin.roster.addByStaffNo', { slot: t(`admin.roster.slot.${role}.${shift}`) })}
                  onAdd={(staffNo) => {
                    setTyped([...typed, { staffNo, name: staffNo, roles: [role] }]);
                    if (!chosen.includes(staffNo)) setEntries(toggleEntry(entries, { role, shift, staffNo }));
                  }}
                />
              )}
            </div>
          );
        })}
      </div>
      <div className="admin-form-buttons">
        <Problem page="office" problem={problem} testId="roster-problem" />
        <button type="button" className="office-secondary" onClick={onCancel}>
          {t('admin.cancel')}
        </button>
        <button type="button" className="office-primary" disabled={busy} onClick={() => void save()}>
          {t(busy ? 'office.form.saving' : 'admin.roster.save')}
        </button>
      </div>
    </section>
  );
}

/** A staff number typed in and added to a slot (Enter or 加入). */
function StaffNoAdder({ label, onAdd }: { label: string; onAdd(staffNo: string): void }) {
  const { t } = useT();
  const [staffNo, setStaffNo] = useState('');
  const valid = StaffNo.safeParse(staffNo.trim()).success;
  const add = () => {
    if (!valid) return;
    onAdd(staffNo.trim());
    setStaffNo('');
  };
  return (
    <div className="admin-staffno-add">
      <input
        aria-label={label}
        inputMode="numeric"
        placeholder={t('admin.staff.staffNo')}
        value={staffNo}
        onChange={(e) => setStaffNo(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') add();
        }}
      />
      <button type="button" className="office-secondary admin-small" disabled={!valid} onClick={add}>
        {t('admin.dates.add')}
      </button>
    </div>
  );
}
