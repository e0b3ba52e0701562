import { useState } from 'react';
import { normaliseTicketNumber, type StaffTicketView } from '@hall/shared';
import { useT } from '@hall/shared/ui';
import { Dialog } from './Dialog';

interface Props {
  kind: 'call' | 'reactivate';
  /** The numbers to pick from: the window's queue for 点号, its no-shows for 恢复过号. */
  choices: readonly StaffTicketView[];
  problem: string | null;
  busy: boolean;
  onNumber(number: string): void;
  onClose(): void;
}

/** 点号 (call a waiting number) or 恢复过号 (a no-show came back): a big button per number, or one typed. */
export function NumberDialog({ kind, choices, problem, busy, onNumber, onClose }: Props) {
  const { t } = useT();
  const [typed, setTyped] = useState('');
  const [invalid, setInvalid] = useState(false);
  const confirm = () => {
    const number = normaliseTicketNumber(typed);
    if (number === null) return setInvalid(true);
    onNumber(number);
  };
  return (
    <Dialog
      title={t(kind === 'call' ? 'console.callTitle' : 'console.reactivateTitle')}
      problem={problem ?? (invalid ? t('console.numberInvalid') : null)}
      confirmLabel={t(kind === 'call' ? 'console.callConfirm' : 'console.reactivateConfirm')}
      busy={busy}
      className="console-number"
      onConfirm={confirm}
      onClose={onClose}
    >
      <fieldset className="console-choices">
        <legend>{t(kind === 'call' ? 'console.pickWaiting' : 'console.pickNoShows')}</legend>
        {choices.length === 0 ? (
          <p className="console-pick-none" data-testid="pick-none">
            {t('console.pickNone')}
          </p>
        ) : (
          <div className="console-choice-grid console-choice-numbers" data-testid="number-choices">
            {choices.map((ticket) => (
              <button
                key={ticket.id}
                type="button"
                className="console-choice console-choice-number"
                data-number={ticket.number}
                disabled={busy}
                onClick={() => onNumber(ticket.number)}
              >
                {ticket.number}
                {ticket.transfer && <span className="console-choice-mark">{t('console.queueTransferred')}</span>}
              </button>
            ))}
          </div>
        )}
      </fieldset>
      <label className="console-field console-field-inline">
        <span>{t('console.numberLabel')}</span>
        <input
          name="number"
          className="console-number-input"
          autoComplete="off"
          autoCapitalize="characters"
          data-autofocus
          maxLength={8}
          value={typed}
          onChange={(e) => {
            setTyped(e.target.value);
            setInvalid(false);
          }}
        />
      </label>
    </Dialog>
  );
}
