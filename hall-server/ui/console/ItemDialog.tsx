import { useState } from 'react';
import type { ServiceItem } from '@hall/shared';
import { useT } from '@hall/shared/ui';
import { Dialog } from './Dialog';

interface Props {
  /** The items of the ticket-in-hand's category. */
  items: readonly ServiceItem[];
  chosen: string | null;
  onChoose(code: string | null): void;
  onClose(): void;
}

/** More items than this and the dialog offers a search: a county's big categories list dozens. */
const SEARCH_FROM = 12;

/** 选择事项: a big button per item of the ticket's category; 不选事项 clears the choice. */
export function ItemDialog({ items, chosen, onChoose, onClose }: Props) {
  const { t } = useT();
  const [query, setQuery] = useState('');
  const q = query.trim().toLowerCase();
  const shown = q === '' ? items : items.filter((item) => item.name.toLowerCase().includes(q) || item.code.toLowerCase().includes(q));
  return (
    <Dialog
      title={t('console.item.title')}
      problem={null}
      confirmLabel={t('console.item.none')}
      busy={false}
      className="console-items"
      onConfirm={() => onChoose(null)}
      onClose={onClose}
    >
      {items.length > SEARCH_FROM && (
        <label className="console-field console-field-inline">
          <span>{t('console.item.search')}</span>
          <input
            name="itemSearch"
            autoComplete="off"
            data-autofocus
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            // Enter picks the one match; otherwise it would submit 不选事项.
            onKeyDown={(e) => {
              if (e.key !== 'Enter') return;
              e.preventDefault();
              if (shown.length === 1) onChoose(shown[0]!.code);
            }}
          />
        </label>
      )}
      {items.length === 0 ? (
        <p className="console-pick-none">{t('console.item.noItems')}</p>
      ) : (
        <div className="console-choice-grid console-choice-items" data-testid="item-choices">
          {shown.map((item) => (
            <button
              key={item.code}
              type="button"
              className="console-choice console-choice-item"
              data-item={item.code}
              aria-pressed={item.code === chosen}
              onClick={() => onChoose(item.code)}
            >
              <span className="console-choice-item-name">{item.name}</span>
              <span className="console-choice-item-code">{item.code}</span>
            </button>
          ))}
        </div>
      )}
    </Dialog>
  );
}
