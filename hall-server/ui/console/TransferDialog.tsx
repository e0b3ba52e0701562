import { useState } from 'react';
import { categoryName, type CategoryView, type TicketView, type TransferBody, type WindowView } from '@hall/shared';
import { useT } from '@hall/shared/ui';
import { Dialog } from './Dialog';

interface Props {
  ticket: TicketView;
  windowNo: number;
  categories: CategoryView[];
  windows: WindowView[];
  problem: string | null;
  busy: boolean;
  onTransfer(body: TransferBody): void;
  onClose(): void;
}

type Target = { toCategory: string } | { toWindow: number } | null;

/**
 * 转移: to another category, or to a named window, with an optional note. Windows sit in a fixed
 * grid (a long name is cut short, never pushing the others out of view), each marked open,
 * paused or closed, so nobody sends a visitor to a window that will not call them soon.
 */
export function TransferDialog({ ticket, windowNo, categories, windows, problem, busy, onTransfer, onClose }: Props) {
  const { t, locale } = useT();
  const [target, setTarget] = useState<Target>(null);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);

  const confirm = () => {
    if (target === null) return setMissing(true);
    const trimmed = note.trim();
    onTransfer(trimmed ? { ...target, note: trimmed } : target);
  };
  const choose = (next: Target) => {
    setTarget(next);
    setMissing(false);
  };
  const isCategory = (code: string) => target !== null && 'toCategory' in target && target.toCategory === code;
  const isWindow = (no: number) => target !== null && 'toWindow' in target && target.toWindow === no;

  return (
    <Dialog
      title={t('console.transferTitle', { number: ticket.number })}
      problem={problem ?? (missing ? t('console.transferChoose') : null)}
      confirmLabel={t('console.transferConfirm')}
      busy={busy}
      className="console-transfer"
      onConfirm={confirm}
      onClose={onClose}
    >
      <fieldset className="console-choices">
        <legend>{t('console.transferToCategory')}</legend>
        <div className="console-choice-grid console-choice-categories">
          {categories.map((c) => (
            <button
              key={c.code}
              type="button"
              className="console-choice"
              aria-pressed={isCategory(c.code)}
              // The same queue again makes no sense unless the ticket was sent here by name.
              disabled={c.code === ticket.category && ticket.targetWindowNo === null}
              data-category={c.code}
              title={categoryName(c, locale)}
              onClick={() => choose({ toCategory: c.code })}
            >
              <span className="console-choice-code">{c.code}</span>
              <span className="console-choice-name">{categoryName(c, locale)}</span>
            </button>
          ))}
        </div>
      </fieldset>
      <fieldset className="console-choices">
        <legend>{t('console.transferToWindow')}</legend>
        <div className="console-choice-grid console-choice-windows">
          {windows.map((w) => (
            <button
              key={w.no}
              type="button"
              className={`console-choice console-choice-window console-window-${w.state}`}
              aria-pressed={isWindow(w.no)}
              disabled={w.no === windowNo}
              data-window={w.no}
              data-state={w.state}
              title={`${w.name} · ${w.department}`}
              onClick={() => choose({ toWindow: w.no })}
            >
              <span className="console-choice-code">{t('console.windowLabel', { no: w.no })}</span>
              <span className="console-choice-name">{w.name}</span>
              <span className="console-choice-state">{t(`console.windowMark.${w.state}`)}</span>
            </button>
          ))}
        </div>
      </fieldset>
      <label className="console-field console-field-inline">
        <span>{t('console.transferNote')}</span>
        <input name="note" maxLength={200} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
    </Dialog>
  );
}
