import { useState } from 'react';
import { AdminWindowBody, WindowNo, type HallWindow, type RoutingMode } from '@hall/shared';
import { Problem, useT } from '@hall/shared/ui';
import { useAdmin } from './admin-context';
import { Field, FieldGroup } from './Field';
import type { FieldRules } from './field-errors';
import { move, without } from './list-edit';
import { useAction } from './use-action';
import { useAdminForm } from './use-admin-form';

const rules: FieldRules = {
  no: 'admin.window.noRule',
  name: 'admin.window.nameRule',
  department: 'admin.window.departmentRule',
  categories: 'admin.window.categoriesRule',
  routing: 'admin.window.routingRule',
};

/** 窗口: every window with what it serves, beside the one being edited. */
export function WindowsSection() {
  const { t } = useT();
  const { setup } = useAdmin();
  const [selected, setSelected] = useState<number | 'new' | null>(null);
  if (!setup) return <p className="admin-empty">{t('office.loading')}</p>;
  const window = setup.windows.find((w) => w.no === selected) ?? null;
  const categoryName = (code: string) => setup.categories.find((c) => c.code === code)?.name ?? code;
  return (
    <div className="admin-split">
      <div className="admin-list-pane">
        <button type="button" className="office-secondary admin-add" aria-pressed={selected === 'new'} onClick={() => setSelected('new')}>
          {t('admin.window.add')}
        </button>
        <ul className="admin-list" aria-label={t('admin.section.windows')}>
          {setup.windows.map((w) => (
            <li key={w.no}>
              <button type="button" className="admin-list-item" aria-current={w.no === selected} data-window={w.no} onClick={() => setSelected(w.no)}>
                <span className="admin-code">{t('admin.window.noShort', { no: w.no })}</span>
                <span className="admin-list-name">{w.name}</span>
                <span className="admin-list-note">{w.categories.map(categoryName).join(t('office.listSeparator'))}</span>
              </button>
            </li>
          ))}
        </ul>
      </div>
      {selected === null ? (
        <p className="admin-empty">{t('admin.window.choose')}</p>
      ) : (
        <WindowEditor
          key={`${selected}:${JSON.stringify(window)}`}
          window={window}
          taken={setup.windows.map((w) => w.no)}
          categories={setup.categories.map((c) => ({ code: c.code, name: c.name }))}
          onSaved={setSelected}
          onRemoved={() => setSelected(null)}
        />
      )}
    </div>
  );
}

interface EditorProps {
  window: HallWindow | null;
  taken: readonly number[];
  categories: readonly { code: string; name: string }[];
  onSaved(no: number): void;
  onRemoved(): void;
}

function WindowEditor({ window, taken, categories, onSaved, onRemoved }: EditorProps) {
  const { t } = useT();
  const { admin, reload, say, confirm } = useAdmin();
  const [no, setNo] = useState(window ? String(window.no) : '');
  const [name, setName] = useState(window?.name ?? '');
  const [department, setDepartment] = useState(window?.department ?? '');
  const [chosen, setChosen] = useState<string[]>(window?.categories ?? []);
  const [routing, setRouting] = useState<RoutingMode>(window?.routing ?? 'fifo');
  const nameOf = (code: string) => categories.find((c) => c.code === code)?.name ?? code;
  const form = useAdminForm({
    schema: AdminWindowBody,
    body: () => ({ name: name.trim(), department: department.trim(), categories: chosen, routing }),
    rules,
    codes: { WINDOW_SERVING: 'categories', CATEGORY_NOT_FOUND: 'categories' },
    check: () => {
      if (window) return {};
      const number = WindowNo.safeParse(Number(no));
      if (!/^\d+$/.test(no.trim()) || !number.success) return { no: t('admin.window.noRule') };
      return taken.includes(number.data) ? { no: t('admin.window.noTaken', { no: number.data }) } : {};
    },
    send: async (valid) => {
      const target = window?.no ?? Number(no);
      await admin.saveWindow(target, valid);
      await reload();
      say(t('admin.window.saved', { no: target, name: valid.name }));
      onSaved(target);
    },
  });
  const action = useAction();
  const remove = () =>
    action.run(async () => {
      if (!window) return;
      if (!(await confirm(t('admin.window.removeConfirm', { no: window.no, name: window.name }), t('admin.remove')))) return;
      await admin.removeWindow(window.no);
      await reload();
      say(t('admin.window.removed', { no: window.no, name: window.name }));
      onRemoved();
    });

  const others = categories.filter((c) => !chosen.includes(c.code));
  return (
    <form className="admin-editor" onSubmit={form.submit} noValidate aria-label={t('admin.window.editor')}>
      <div className="admin-editor-head">
        <h3>{window ? t('admin.window.editing', { no: window.no, name: window.name }) : t('admin.window.new')}</h3>
        {window && (
          <button type="button" className="admin-danger" disabled={action.busy} onClick={() => void remove()}>
            {t('admin.remove')}
          </button>
        )}
      </div>
      <Problem page="office" problem={action.problem} testId="action-problem" />
      <div className="admin-fields">
        {!window && (
          <Field name="no" label={t('admin.window.no')} hint={t('admin.window.noRule')} error={form.fields.no} className="admin-field-short">
            {(control) => <input {...control} inputMode="numeric" value={no} autoFocus onChange={(e) => setNo(e.target.value)} />}
          </Field>
        )}
        <Field name="name" label={t('admin.window.name')} error={form.fields.name}>
          {(control) => <input {...control} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field name="department" label={t('admin.window.department')} error={form.fields.department}>
          {(control) => <input {...control} value={department} onChange={(e) => setDepartment(e.target.value)} />}
        </Field>
      </div>
      <FieldGroup name="categories" legend={t('admin.window.categories')} hint={t('admin.window.categoriesHint')} error={form.fields.categories}>
        <ol className="admin-chosen" data-testid="chosen-categories">
          {chosen.map((code, index) => (
            <li key={code} data-code={code}>
              <span className="admin-code">{code}</span>
              <span className="admin-list-name">{nameOf(code)}</span>
              <span className="admin-row-buttons">
                <button type="button" className="admin-icon" aria-label={t('admin.moveUp', { what: nameOf(code) })} disabled={index === 0} onClick={() => setChosen(move(chosen, index, -1))}>
                  ↑
                </button>
                <button
                  type="button"
                  className="admin-icon"
                  aria-label={t('admin.moveDown', { what: nameOf(code) })}
                  disabled={index === chosen.length - 1}
                  onClick={() => setChosen(move(chosen, index, 1))}
                >
                  ↓
                </button>
                <button type="button" className="admin-icon admin-icon-danger" aria-label={t('admin.window.dropCategory', { name: nameOf(code) })} onClick={() => setChosen(without(chosen, index))}>
                  ✕
                </button>
              </span>
            </li>
          ))}
        </ol>
        {others.length > 0 && (
          <div className="admin-chips" aria-label={t('admin.window.addCategory')}>
            {others.map((c) => (
              <button key={c.code} type="button" className="office-chip" data-add={c.code} onClick={() => setChosen([...chosen, c.code])}>
                + {c.code} {c.name}
              </button>
            ))}
          </div>
        )}
      </FieldGroup>
      <FieldGroup name="routing" legend={t('admin.window.routing')} error={form.fields.routing}>
        {(['fifo', 'ordered'] as const).map((mode) => (
          <label key={mode} className="admin-choice">
            <input type="radio" name="routing" value={mode} checked={routing === mode} onChange={() => setRouting(mode)} />
            <span>
              <strong>{t(`admin.window.routing.${mode}`)}</strong> {t(`admin.window.routing.${mode}Explained`)}
            </span>
          </label>
        ))}
      </FieldGroup>
      <Problem page="office" problem={form.problem} testId="form-problem" />
      <div className="admin-form-buttons">
        <button type="submit" className="office-primary" disabled={form.busy}>
          {t(form.busy ? 'office.form.saving' : 'admin.save')}
        </button>
      </div>
    </form>
  );
}
