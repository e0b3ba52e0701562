import { useState } from 'react';
import { AdminCategoryBody, CategoryCode, type Category } from '@hall/shared';
import { Problem, useT } from '@hall/shared/ui';
import { useAdmin } from './admin-context';
import { Field } from './Field';
import type { FieldRules } from './field-errors';
import { ItemsEditor, type ItemRow } from './ItemsEditor';
import { useAction } from './use-action';
import { useAdminForm } from './use-admin-form';

const rules: FieldRules = {
  code: 'admin.category.codeRule',
  name: 'admin.category.nameRule',
  nameEn: 'admin.category.nameEnRule',
  defaultHandlingMinutes: 'admin.category.minutesRule',
  items: 'admin.category.itemsRule',
  'items.#.code': 'admin.item.codeRule',
  'items.#.name': 'admin.item.nameRule',
};

/** 业务类别: the categories beside the one being edited, with its service items. */
export function CategoriesSection() {
  const { t } = useT();
  const { setup } = useAdmin();
  const [selected, setSelected] = useState<string | null>(null);
  if (!setup) return <p className="admin-empty">{t('office.loading')}</p>;
  const category = setup.categories.find((c) => c.code === selected) ?? null;
  return (
    <div className="admin-split">
      <div className="admin-list-pane">
        <button type="button" className="office-secondary admin-add" aria-pressed={selected === ''} onClick={() => setSelected('')}>
          {t('admin.category.add')}
        </button>
        <ul className="admin-list" aria-label={t('admin.section.categories')}>
          {setup.categories.map((c) => (
            <li key={c.code}>
              <button type="button" className="admin-list-item" aria-current={c.code === selected} data-code={c.code} onClick={() => setSelected(c.code)}>
                <span className="admin-code">{c.code}</span>
                <span className="admin-list-name">{c.name}</span>
                <span className="admin-list-note">
                  {t('admin.category.itemCount', { count: c.items.length })}
                  {!c.open && <span className="admin-badge admin-badge-warn"> {t('admin.category.closed')}</span>}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </div>
      {selected === null ? (
        <p className="admin-empty">{t('admin.category.choose')}</p>
      ) : (
        <CategoryEditor
          key={`${selected}:${JSON.stringify(category)}`}
          category={category}
          taken={setup.categories.map((c) => c.code)}
          onSaved={setSelected}
          onRemoved={() => setSelected(null)}
        />
      )}
    </div>
  );
}

let nextRow = 0;
const rows = (items: Category['items']): ItemRow[] => items.map((item) => ({ ...item, key: nextRow++ }));

interface EditorProps {
  /** null: a new category. */
  category: Category | null;
  taken: readonly string[];
  onSaved(code: string): void;
  onRemoved(): void;
}

function CategoryEditor({ category, taken, onSaved, onRemoved }: EditorProps) {
  const { t } = useT();
  const { admin, reload, say, confirm } = useAdmin();
  const [code, setCode] = useState(category?.code ?? '');
  const [name, setName] = useState(category?.name ?? '');
  const [nameEn, setNameEn] = useState(category?.nameEn ?? '');
  const [minutes, setMinutes] = useState(String(category?.defaultHandlingMinutes ?? 10));
  const [items, setItems] = useState<ItemRow[]>(() => rows(category?.items ?? []));
  const open = category?.open ?? true;
  const body = () => ({
    name: name.trim(),
    ...(nameEn.trim() ? { nameEn: nameEn.trim() } : {}),
    defaultHandlingMinutes: minutes.trim() === '' ? Number.NaN : Number(minutes),
    items: items.map((item) => ({ code: item.code.trim(), name: item.name.trim() })),
    open,
  });
  const form = useAdminForm({
    schema: AdminCategoryBody,
    body,
    rules,
    check: () => {
      if (category) return {};
      if (!CategoryCode.safeParse(code).success) return { code: t('admin.category.codeRule') };
      return taken.includes(code) ? { code: t('admin.category.codeTaken', { code }) } : {};
    },
    send: async (valid) => {
      const target = category?.code ?? code;
      await admin.saveCategory(target, valid);
      await reload();
      say(t('admin.category.saved', { code: target, name: valid.name }));
      onSaved(target);
    },
  });
  const action = useAction();

  const setOpen = (next: boolean) =>
    action.run(async () => {
      if (!category) return;
      if (!next && !(await confirm(t('admin.category.closeConfirm', { code: category.code, name: category.name }), t('admin.category.close')))) return;
      const { name, nameEn, defaultHandlingMinutes, items } = category;
      await admin.saveCategory(category.code, { name, ...(nameEn ? { nameEn } : {}), defaultHandlingMinutes, items, open: next });
      await reload();
      say(t(next ? 'admin.category.reopened' : 'admin.category.closedNow', { code: category.code, name: category.name }));
    });
  const remove = () =>
    action.run(async () => {
      if (!category) return;
      if (!(await confirm(t('admin.category.removeConfirm', { code: category.code, name: category.name }), t('admin.remove')))) return;
      await admin.removeCategory(category.code);
      await reload();
      say(t('admin.category.removed', { code: category.code, name: category.name }));
      onRemoved();
    });

  return (
    <form className="admin-editor" onSubmit={form.submit} noValidate aria-label={t('admin.category.editor')}>
      <div className="admin-editor-head">
        <h3>{category ? t('admin.category.editing', { code: category.code, name: category.name }) : t('admin.category.new')}</h3>
        {category && (
          <div className="admin-row-buttons">
            <button type="button" className="office-secondary" disabled={action.busy} onClick={() => void setOpen(!open)}>
              {t(open ? 'admin.category.close' : 'admin.category.reopen')}
            </button>
            <button type="button" className="admin-danger" disabled={action.busy} onClick={() => void remove()}>
              {t('admin.remove')}
            </button>
          </div>
        )}
      </div>
      <Problem page="office" problem={action.problem} testId="action-problem" />
      {!open && <p className="office-notice office-notice-warn admin-inline-notice">{t('admin.category.closedNote')}</p>}
      <div className="admin-fields">
        {!category && (
          <Field name="code" label={t('admin.category.code')} hint={t('admin.category.codeRule')} error={form.fields.code} className="admin-field-short">
            {(control) => <input {...control} value={code} maxLength={1} autoFocus onChange={(e) => setCode(e.target.value.toUpperCase())} />}
          </Field>
        )}
        <Field name="name" label={t('admin.category.name')} error={form.fields.name}>
          {(control) => <input {...control} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field name="nameEn" label={t('admin.category.nameEn')} error={form.fields.nameEn}>
          {(control) => <input {...control} value={nameEn} lang="en" onChange={(e) => setNameEn(e.target.value)} />}
        </Field>
        <Field name="defaultHandlingMinutes" label={t('admin.category.minutes')} hint={t('admin.category.minutesHint')} error={form.fields.defaultHandlingMinutes} className="admin-field-short">
          {(control) => <input {...control} inputMode="decimal" value={minutes} onChange={(e) => setMinutes(e.target.value)} />}
        </Field>
      </div>
      <ItemsEditor items={items} errors={form.fields} onChange={setItems} newRow={() => ({ key: nextRow++, code: '', name: '' })} />
      <Problem page="office" problem={form.problem} testId="form-problem" />
      <div className="admin-form-buttons">
        <button type="submit" className="office-primary" disabled={form.busy}>
          {t(form.busy ? 'office.form.saving' : 'admin.save')}
        </button>
      </div>
    </form>
  );
}
