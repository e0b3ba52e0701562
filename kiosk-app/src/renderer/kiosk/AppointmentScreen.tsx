import { useState } from 'react';
import { useT } from '@hall/shared/ui';
import { NumberPad } from './NumberPad';

const CODE_LENGTH = 6;

/** 预约签到: the 6-digit code on a big on-screen number pad, then a priority ticket. */
export function AppointmentScreen({
  problem,
  initialCode,
  disabled,
  onCheckIn,
  onBack,
}: {
  problem: string | null;
  /** The code typed before, kept after a refusal so the visitor can see and correct it. */
  initialCode: string;
  disabled: boolean;
  onCheckIn(code: string): void;
  onBack(): void;
}) {
  const { t } = useT();
  const [code, setCode] = useState(initialCode);
  const press = (digit: string) => setCode((c) => (c.length < CODE_LENGTH ? c + digit : c));

  return (
    <section className="kiosk-appointment-screen">
      <h2 className="kiosk-prompt">{t('kiosk.appointmentPrompt')}</h2>
      {problem && (
        <p className="kiosk-problem" role="alert">
          {problem}
        </p>
      )}
      <div className="kiosk-code" data-testid="appointment-code" aria-label={code}>
        {Array.from({ length: CODE_LENGTH }, (_, i) => (
          <span key={i} className="kiosk-code-digit">
            {code[i] ?? ''}
          </span>
        ))}
      </div>
      <NumberPad onDigit={press} onClear={() => setCode('')} onDelete={() => setCode((c) => c.slice(0, -1))} />
      <div className="kiosk-pair">
        <button type="button" className="kiosk-wide kiosk-checkin" disabled={disabled || code.length !== CODE_LENGTH} onClick={() => onCheckIn(code)}>
          {t('kiosk.appointmentConfirm')}
        </button>
        <button type="button" className="kiosk-wide kiosk-back" onClick={onBack}>
          {t('kiosk.back')}
        </button>
      </div>
    </section>
  );
}
