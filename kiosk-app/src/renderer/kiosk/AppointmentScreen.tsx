import { useState } from 'react';
import { APPOINTMENT_CODE_DIGITS } from '@hall/shared';
import { useT } from '@hall/shared/ui';
import { NumberPad } from './NumberPad';

/** A code booked before codes had 10 digits; still taken on its day. */
const OLD_CODE_LENGTH = 6;
/** The boxes in groups as the code is read out: 123 456 7890. */
const GROUPS = [3, 3, 4];

/** 预约签到: the 10-digit code on a big on-screen number pad, then a priority ticket. */
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
  const press = (digit: string) => setCode((c) => (c.length < APPOINTMENT_CODE_DIGITS ? c + digit : c));
  const complete = code.length === APPOINTMENT_CODE_DIGITS || code.length === OLD_CODE_LENGTH;

  return (
    <section className="kiosk-appointment-screen">
      <h2 className="kiosk-prompt">{t('kiosk.appointmentPrompt')}</h2>
      {problem && (
        <p className="kiosk-problem" role="alert">
          {problem}
        </p>
      )}
      <div className="kiosk-code" data-testid="appointment-code" aria-label={code}>
        {GROUPS.map((size, group) => {
          const start = GROUPS.slice(0, group).reduce((a, b) => a + b, 0);
          return (
            <span key={group} className="kiosk-code-group">
              {Array.from({ length: size }, (_, i) => (
                <span key={i} className="kiosk-code-digit">
                  {code[start + i] ?? ''}
                </span>
              ))}
            </span>
          );
        })}
      </div>
      <NumberPad onDigit={press} onClear={() => setCode('')} onDelete={() => setCode((c) => c.slice(0, -1))} />
      <div className="kiosk-pair">
        <button type="button" className="kiosk-wide kiosk-checkin" disabled={disabled || !complete} onClick={() => onCheckIn(code)}>
          {t('kiosk.appointmentConfirm')}
        </button>
        <button type="button" className="kiosk-wide kiosk-back" onClick={onBack}>
          {t('kiosk.back')}
        </button>
      </div>
    </section>
  );
}
