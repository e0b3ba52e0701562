import { useState } from 'react';
import { AdminStaffBody, PinResetBody, StaffNo, StaffRole, type Staff } from '@hall/shared';
import { Problem, useT } from '@hall/shared/ui';
import { useAdmin } from './admin-context';
import { Field, FieldGroup } from './Field';
import type { FieldRules } from './field-errors';
import { useAction } from './use-action';
import { useAdminForm } from './use-admin-form';

const rules: FieldRules = {
  staffNo: 'admin.staff.staffNoRule',
  name: 'admin.staff.nameRule',
  roles: 'admin.staff.rolesRule',
  windows: 'admin.staff.windowsRule',
};

/** 人员: everyone the hall knows (those who left too, marked), beside the one being edited. */
export function StaffSection() {
  const { t } = useT();
  const { setup } = useAdmin();
  const [selected, setSelected] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  if (!setup) return <p className="admin-empty">{t('office.loading')}</p>;
  const person = setup.staff.find((s) => s.staffNo === selected) ?? null;
  const needle = search.trim();
  const shown = setup.staff.filter((s) => !needle || s.staffNo.includes(needle) || s.name.includes(needle));
  return (
    <div className="admin-split">
      <div className="admin-list-pane">
        <div className="admin-list-tools">
          <button type="button" className="office-secondary admin-add" aria-pressed={selected === ''} onClick={() => setSelected('')}>
            {t('admin.staff.add')}
          </button>
          <label className="admin-search">
            <span>{t('admin.staff.search')}</span>
            <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
          </label>
        </div>
        <ul className="admin-list" aria-label={t('admin.section.staff')}>
          {shown.map((s) => (
            <li key={s.staffNo}>
              <button
                type="button"
                className={`admin-list-item ${s.active ? '' : 'admin-list-item-off'}`}
                aria-current={s.staffNo === selected}
                data-staff={s.staffNo}
                onClick={() => setSelected(s.staffNo)}
              >
                <span className="admin-code">{s.staffNo}</span>
                <span className="admin-list-name">{s.name}</span>
                <span className="admin-list-note">
                  {s.roles.map((role) => t(`admin.role.${role}`)).join(t('office.listSeparator'))}
                  {!s.active && <span className="admin-badge admin-badge-warn"> {t('admin.staff.inactive')}</span>}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </div>
      {selected === null ? (
        <p className="admin-empty">{t('admin.staff.choose')}</p>
      ) : (
        <div className="admin-editor-column">
          <StaffEditor
            key={`${selected}:${JSON.stringify(person)}`}
            person={person}
            taken={setup.staff.map((s) => s.staffNo)}
            windows={setup.windows.map((w) => w.no)}
            onSaved={setSelected}
          />
          {person && <PinReset key={person.staffNo} person={person} />}
        </div>
      )}
    </div>
  );
}

interface EditorProps {
  person: Staff | null;
  taken: readonly string[];
  windows: readonly number[];
  onSaved(staffNo: string): void;
}

function StaffEditor({ person, taken, windows, onSaved }: EditorProps) {
  const { t } = useT();
  const { admin, reload, say, confirm } = useAdmin();
  const [staffNo, setStaffNo] = useState(person?.staffNo ?? '');
  const [name, setName] = useState(person?.name ?? '');
  const [roles, setRoles] = useState<StaffRole[]>(person?.roles ?? ['window']);
  const [allowed, setAllowed] = useState<number[]>(person?.windows ?? []);
  const active = person?.active ?? true;
  const toggle = <T,>(list: readonly T[], value: T) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);
  const form = useAdminForm({
    schema: AdminStaffBody,
    body: () => ({ name: name.trim(), roles, windows: [...allowed].sort((a, b) => a - b), active }),
    rules,
    codes: { STAFF_SERVING: 'windows', LAST_ADMIN: 'roles' },
    check: () => {
      if (person) return {};
      if (!StaffNo.safeParse(staffNo.trim()).success) return { staffNo: t('admin.staff.staffNoRule') };
      return taken.includes(staffNo.trim()) ? { staffNo: t('admin.staff.staffNoTaken', { staffNo: staffNo.trim() }) } : {};
    },
    send: async (valid) => {
      const target = person?.staffNo ?? staffNo.trim();
      await admin.saveStaff(target, valid);
      await reload();
      say(t(person ? 'admin.staff.saved' : 'admin.staff.added', { staffNo: target, name: valid.name }));
      onSaved(target);
    },
  });
  const action = useAction();
  const setActive = (next: boolean) =>
    action.run(async () => {
      if (!person) return;
      if (!next && !(await confirm(t('admin.staff.deactivateConfirm', { staffNo: person.staffNo, name: person.name }), t('admin.staff.deactivate')))) return;
      await admin.saveStaff(person.staffNo, { name: person.name, roles: person.roles, windows: person.windows, active: next });
      await reload();
      say(t(next ? 'admin.staff.reactivated' : 'admin.staff.deactivated', { staffNo: person.staffNo, name: person.name }));
    });

  return (
    <form className="admin-editor" onSubmit={form.submit} noValidate aria-label={t('admin.staff.editor')}>
      <div className="admin-editor-head">
        <h3>{person ? t('admin.staff.editing', { staffNo: person.staffNo, name: person.name }) : t('admin.staff.new')}</h3>
        {person && (
          <button type="button" className={active ? 'admin-danger' : 'office-secondary'} disabled={action.busy} onClick={() => void setActive(!active)}>
            {t(active ? 'admin.staff.deactivate' : 'admin.staff.reactivate')}
          </button>
        )}
      </div>
      <Problem page="office" problem={action.problem} testId="action-problem" />
      {!active && <p className="office-notice office-notice-warn admin-inline-notice">{t('admin.staff.inactiveNote')}</p>}
      <div className="admin-fields">
        {!person && (
          <Field name="staffNo" label={t('admin.staff.staffNo')} hint={t('admin.staff.staffNoRule')} error={form.fields.staffNo} className="admin-field-short">
            {(control) => <input {...control} inputMode="numeric" value={staffNo} autoFocus onChange={(e) => setStaffNo(e.target.value)} />}
          </Field>
        )}
        <Field name="name" label={t('admin.staff.name')} error={form.fields.name}>
          {(control) => <input {...control} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
      </div>
      <FieldGroup name="roles" legend={t('admin.staff.roles')} error={form.fields.roles}>
        <div className="admin-chips">
          {StaffRole.options.map((role) => (
            <label key={role} className="admin-check">
              <input type="checkbox" checked={roles.includes(role)} onChange={() => setRoles(toggle(roles, role))} />
              <span>{t(`admin.role.${role}`)}</span>
            </label>
          ))}
        </div>
      </FieldGroup>
      <FieldGroup name="windows" legend={t('admin.staff.windows')} hint={t('admin.staff.windowsHint')} error={form.fields.windows}>
        <div className="admin-window-grid">
          {windows.map((no) => (
            <label key={no} className="admin-check">
              <input type="checkbox" checked={allowed.includes(no)} onChange={() => setAllowed(toggle(allowed, no))} />
              <span>{t('admin.window.noShort', { no })}</span>
            </label>
          ))}
        </div>
      </FieldGroup>
      {!person && <p className="admin-field-hint">{t('admin.staff.pinAfter')}</p>}
      <Problem page="office" problem={form.problem} testId="form-problem" />
      <div className="admin-form-buttons">
        <button type="submit" className="office-primary" disabled={form.busy}>
          {t(form.busy ? 'office.form.saving' : 'admin.save')}
        </button>
      </div>
    </form>
  );
}

/** 重置密码: the administrator types the new PIN twice; the person changes it themselves later. */
function PinReset({ person }: { person: Staff }) {
  const { t } = useT();
  const { admin, say, confirm } = useAdmin();
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const form = useAdminForm({
    schema: PinResetBody,
    body: () => ({ pin }),
    rules: { pin: 'admin.pin.rule' },
    codes: { PIN_TOO_WEAK: 'pin' },
    check: () => (pin === again ? {} : { again: t('admin.pin.mismatch') }),
    send: async ({ pin: valid }) => {
      if (!(await confirm(t('admin.pin.confirm', { staffNo: person.staffNo, name: person.name }), t('admin.pin.reset')))) return;
      await admin.resetPin(person.staffNo, valid);
      setPin('');
      setAgain('');
      say(t('admin.pin.done', { staffNo: person.staffNo, name: person.name }));
    },
  });
  return (
    <form className="admin-editor admin-pin" onSubmit={form.submit} noValidate aria-label={t('admin.pin.title')}>
      <h3>{t('admin.pin.titleFor', { name: person.name })}</h3>
      <div className="admin-fields">
        <Field name="pin" label={t('admin.pin.new')} hint={t('admin.pin.rule')} error={form.fields.pin}>
          {(control) => <input {...control} type="password" inputMode="numeric" autoComplete="new-password" value={pin} onChange={(e) => setPin(e.target.value)} />}
        </Field>
        <Field name="again" label={t('admin.pin.again')} error={form.fields.again}>
          {(control) => <input {...control} type="password" inputMode="numeric" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} />}
        </Field>
      </div>
      <Problem page="office" problem={form.problem} testId="pin-problem" />
      <div className="admin-form-buttons">
        <button type="submit" className="office-primary" disabled={form.busy}>
          {t('admin.pin.reset')}
        </button>
      </div>
    </form>
  );
}
