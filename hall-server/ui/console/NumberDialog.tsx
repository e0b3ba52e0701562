import { useState } from 'react';
import { useT } from '@hall/shared/ui';
import { Dialog } from './Dialog';

interface Props {
  kind: 'call' | 'reactivate';
  problem: string | null;
  busy: boolean;
  onNumber(number: string): void;
  onClose(): void;
}

/** 点号 (call a waiting number) or 恢复过号 (a no-show came back): one ticket number. */
export function NumberDialog({ kind, problem, busy, onNumber, onClose }: Props) {
  const { t } = useT();
  const [number, setNumber] = useState('');
  const [invalid, setInvalid] = useState(false);
  const confirm = () => {
    const value = number.trim().toUpperCase();
    if (!/^[A-Z]\d{3,}$/.test(value)) return setInvalid(true);
    onNumber(value);
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
      <label className="console-field">
        <span>{t('console.numberLabel')}</span>
        <input
          name="number"
          className="console-number-input"
          autoComplete="off"
          autoCapitalize="characters"
          autoFocus
          maxLength={8}
          value={number}
          onChange={(e) => {
            setNumber(e.target.value);
            setInvalid(false);
          }}
        />
      </label>
    </Dialog>
  );
}
