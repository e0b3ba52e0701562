import { useState } from 'react';
import { t as translate } from '@hall/shared';
import { useT } from '@hall/shared/ui';
import { Dialog } from './Dialog';

const REASONS = ['rest', 'fault', 'training', 'other'] as const;
type Reason = (typeof REASONS)[number];

interface Props {
  problem: string | null;
  busy: boolean;
  onPause(reason: string): void;
  onClose(): void;
}

/** 暂停 with a reason: 休息 / 系统故障 / 业务培训, or 其他 with the reason written out. */
export function PauseDialog({ problem, busy, onPause, onClose }: Props) {
  const { t } = useT();
  const [reason, setReason] = useState<Reason>('rest');
  const [other, setOther] = useState('');
  const [missing, setMissing] = useState(false);

  const confirm = () => {
    // The reason is the hall's record and shows on its screens: in Chinese, whatever the console's language.
    if (reason !== 'other') return onPause(translate('zh-CN', `console.pauseReason.${reason}`));
    if (!other.trim()) return setMissing(true);
    onPause(other.trim());
  };

  return (
    <Dialog
      title={t('console.pauseTitle')}
      problem={problem ?? (missing ? t('console.pauseOtherMissing') : null)}
      confirmLabel={t('console.pauseConfirm')}
      busy={busy}
      className="console-pause"
      onConfirm={confirm}
      onClose={onClose}
    >
      <div className="console-choice-grid console-choice-reasons" role="radiogroup">
        {REASONS.map((r) => (
          <button
            key={r}
            type="button"
            role="radio"
            className="console-choice"
            aria-checked={reason === r}
            data-reason={r}
            autoFocus={r === 'rest'}
            onClick={() => {
              setReason(r);
              setMissing(false);
            }}
          >
            {t(`console.pauseReason.${r}`)}
          </button>
        ))}
      </div>
      {reason === 'other' && (
        <label className="console-field console-field-inline">
          <span>{t('console.pauseOtherText')}</span>
          <input name="reason" maxLength={100} autoFocus value={other} onChange={(e) => setOther(e.target.value)} />
        </label>
      )}
    </Dialog>
  );
}
