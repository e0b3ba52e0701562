import { useState } from 'react';
import { t as translate, type PauseBody } from '@hall/shared';
import { useT } from '@hall/shared/ui';
import { Dialog } from './Dialog';

const REASONS = ['rest', 'fault', 'training', 'other'] as const;
type Reason = (typeof REASONS)[number];

interface Props {
  problem: string | null;
  busy: boolean;
  onPause(body: PauseBody): void;
  onClose(): void;
}

/**
 * 暂停 with a reason: 休息 / 系统故障 / 业务培训, or 其他 with the reason written out; and, if the
 * staff know it, when they expect to reopen (the hall's clock, today), which the screens show.
 */
export function PauseDialog({ problem, busy, onPause, onClose }: Props) {
  const { t } = useT();
  const [reason, setReason] = useState<Reason>('rest');
  const [other, setOther] = useState('');
  const [missing, setMissing] = useState(false);
  const [until, setUntil] = useState('');
  const [badUntil, setBadUntil] = useState(false);

  const confirm = () => {
    if (reason === 'other' && !other.trim()) return setMissing(true);
    const clock = untilClock(until);
    if (clock === undefined) return setBadUntil(true);
    // The reason is the hall's record and shows on its screens: in Chinese, whatever the console's language.
    const text = reason === 'other' ? other.trim() : translate('zh-CN', `console.pauseReason.${reason}`);
    onPause(clock ? { reason: text, until: clock } : { reason: text });
  };

  return (
    <Dialog
      title={t('console.pauseTitle')}
      problem={problem ?? (missing ? t('console.pauseOtherMissing') : badUntil ? t('console.pauseUntilFormat') : null)}
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
      <label className="console-field console-field-inline">
        <span>{t('console.pauseUntil')}</span>
        {/* Typed as the hall writes times (13:30, 24-hour), not a picker that may show 1:30 PM. */}
        <input
          name="until"
          inputMode="numeric"
          maxLength={5}
          placeholder="13:30"
          value={until}
          onChange={(e) => {
            setUntil(e.target.value);
            setBadUntil(false);
          }}
        />
      </label>
    </Dialog>
  );
}

/** The typed reopening time as `HH:MM` ("9:05" and "9：05" too), null when left empty, undefined when not a time. */
function untilClock(typed: string): string | null | undefined {
  const text = typed.trim();
  if (!text) return null;
  const match = /^(\d{1,2})[:：](\d{2})$/.exec(text);
  if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) return undefined;
  return `${match[1]!.padStart(2, '0')}:${match[2]}`;
}
