import { useState } from 'react';
import { useT } from '@hall/shared/ui';
import { move, without } from './list-edit';

export interface ItemRow {
  /** Stays with the row as it moves, so React keeps its inputs. */
  key: number;
  code: string;
  name: string;
}

interface Props {
  items: readonly ItemRow[];
  /** The form's field errors: `items.3.name` is row 3's name. */
  errors: Readonly<Record<string, string | undefined>>;
  onChange(items: ItemRow[]): void;
  newRow(): ItemRow;
}

/**
 * A category's service items (事项) in order: code and name per row, moved up and down,
 * removed, added. The rows scroll within the editor, and a search narrows them: a center has
 * 185 items, some categories dozens.
 */
export function ItemsEditor({ items, errors, onChange, newRow }: Props) {
  const { t } = useT();
  const [search, setSearch] = useState('');
  /** The row just added, which takes the focus. */
  const [added, setAdded] = useState<number | null>(null);
  const needle = search.trim().toLowerCase();
  const shown = items
    .map((item, index) => ({ item, index }))
    .filter(({ item }) => !needle || item.code.toLowerCase().includes(needle) || item.name.toLowerCase().includes(needle));
  const set = (index: number, change: Partial<ItemRow>) => onChange(items.map((item, i) => (i === index ? { ...item, ...change } : item)));
  const add = () => {
    const row = newRow();
    setAdded(row.key);
    setSearch('');
    onChange([...items, row]);
  };
  const listError = errors.items;
  return (
    <section className="admin-items" aria-label={t('admin.item.title')}>
      <div className="admin-items-head">
        <h4>{t('admin.item.titleCount', { count: items.length })}</h4>
        <label className="admin-search">
          <span>{t('admin.item.search')}</span>
          <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </label>
        <button type="button" className="office-secondary" onClick={add}>
          {t('admin.item.add')}
        </button>
      </div>
      {listError && (
        <p className="admin-field-error" role="alert" data-testid="error-items">
          {listError}
        </p>
      )}
      <div className="admin-items-scroll" data-testid="items-scroll">
        {shown.length === 0 ? (
          <p className="admin-empty">{t(items.length === 0 ? 'admin.item.none' : 'admin.item.noMatch')}</p>
        ) : (
          <table className="admin-table admin-items-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.item.no')}</th>
                <th scope="col">{t('admin.item.code')}</th>
                <th scope="col">{t('admin.item.name')}</th>
                <th scope="col">{t('admin.item.order')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map(({ item, index }) => {
                const codeError = errors[`items.${index}.code`];
                const nameError = errors[`items.${index}.name`];
                const row = index + 1;
                return (
                  <tr key={item.key} data-row={row}>
                    <td className="admin-num">{row}</td>
                    <td>
                      <input
                        aria-label={t('admin.item.codeOf', { row })}
                        aria-invalid={Boolean(codeError)}
                        value={item.code}
                        autoFocus={added === item.key}
                        onChange={(e) => set(index, { code: e.target.value })}
                      />
                      {codeError && (
                        <p className="admin-field-error" role="alert" data-testid={`error-items.${index}.code`}>
                          {codeError}
                        </p>
                      )}
                    </td>
                    <td>
                      <input
                        aria-label={t('admin.item.nameOf', { row })}
                        aria-invalid={Boolean(nameError)}
                        value={item.name}
                        onChange={(e) => set(index, { name: e.target.value })}
                      />
                      {nameError && (
                        <p className="admin-field-error" role="alert" data-testid={`error-items.${index}.name`}>
                          {nameError}
                        </p>
                      )}
                    </td>
                    <td className="admin-row-buttons">
                      <button type="button" className="admin-icon" aria-label={t('admin.moveUp', { what: item.name || row })} disabled={index === 0} onClick={() => onChange(move(items, index, -1))}>
                        ↑
                      </button>
                      <button
                        type="button"
                        className="admin-icon"
                        aria-label={t('admin.moveDown', { what: item.name || row })}
                        disabled={index === items.length - 1}
                        onClick={() => onChange(move(items, index, 1))}
                      >
                        ↓
                      </button>
                      <button type="button" className="admin-icon admin-icon-danger" aria-label={t('admin.item.removeOf', { what: item.name || row })} onClick={() => onChange(without(items, index))}>
                        ✕
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
