import { useState } from 'react';
import type { RosterEntry } from '@hall/shared';
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
  onSave(entries: RosterEntry[]): Promise<void>;
  onCancel(): void;
}

/** One day's duty (or a weekday's pattern): in each slot, the people of that role to press in or out. */
export function RosterEditor({ title, entries: initial, people, onSave, onCancel }: Props) {
  const { t } = useT();
  const [entries, setEntries] = useState<RosterEntry[]>([...initial]);
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
        {slots.map(({ role, shift, label }) => {
          const chosen = inSlot(entries, role, shift);
          const eligible = people.filter((p) => p.roles.includes(role));
          return (
            <div key={`${role}-${shift}`} className="admin-slot" role="group" aria-label={t(label)} data-slot={`${role}-${shift}`}>
              <span className="admin-slot-name">{t(label)}</span>
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
