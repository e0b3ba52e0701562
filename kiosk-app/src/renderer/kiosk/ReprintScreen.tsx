import { useState } from 'react';
import type { CategoryView, ReprintBody } from '@hall/shared';
import { useT } from '@hall/shared/ui';
import { NumberPad } from './NumberPad';

type Field = 'staffNo' | 'pin' | 'number';
const MAX_LENGTH: Record<Field, number> = { staffNo: 10, pin: 12, number: 5 };

/** 补打 for guides and staff: staff number, PIN and the visitor's ticket number. */
export function ReprintScreen({
  categories,
  deviceId,
  problem,
  initial,
  disabled,
  onReprint,
  onBack,
}: {
  categories: CategoryView[];
  deviceId: string;
  problem: string | null;
  /** What was typed before a refusal, but the PIN. */
  initial: { staffNo: string; number: string };
  disabled: boolean;
  onReprint(body: ReprintBody): void;
  onBack(): void;
}) {
  const { t } = useT();
  const [values, setValues] = useState<Record<Field, string>>({ staffNo: initial.staffNo, pin: '', number: initial.number });
  const [active, setActive] = useState<Field>(initial.staffNo ? 'pin' : 'staffNo');
  const update = (change: (value: string) => string) =>
    setValues((v) => ({ ...v, [active]: change(v[active]).slice(0, MAX_LENGTH[active]) }));
  // A ticket number starts with its category letter, then digits.
  const typeDigit = (digit: string) => update((v) => (active === 'number' && v === '' ? v : v + digit));
  const ready = /^\d{3,10}$/.test(values.staffNo) && values.pin.length >= 4 && /^[A-Z]\d{3,}$/.test(values.number);

  const field = (name: Field, label: string, shown: string) => (
    <button type="button" className={active === name ? 'kiosk-field kiosk-field-active' : 'kiosk-field'} onClick={() => setActive(name)} data-field={name}>
      <span>{label}</span>
      <span className="kiosk-field-value">{shown}</span>
    </button>
  );

  return (
    <section className="kiosk-reprint-screen">
      <h2 className="kiosk-prompt">{t('kiosk.reprintTitle')}</h2>
      {problem && (
        <p className="kiosk-problem" role="alert">
          {problem}
        </p>
      )}
      <div className="kiosk-fields">
        {field('staffNo', t('kiosk.staffNo'), values.staffNo)}
        {field('pin', t('kiosk.pin'), '●'.repeat(values.pin.length))}
        {field('number', t('kiosk.ticketNumber'), values.number)}
      </div>
      {active === 'number' && (
        <div className="kiosk-letters">
          {categories.map((c) => (
            <button key={c.code} type="button" className="kiosk-key" onClick={() => update(() => c.code)}>
              {c.code}
            </button>
          ))}
        </div>
      )}
      <NumberPad onDigit={typeDigit} onClear={() => update(() => '')} onDelete={() => update((v) => v.slice(0, -1))} />
      <div className="kiosk-pair">
        <button type="button" className="kiosk-wide kiosk-reprint" disabled={disabled || !ready} onClick={() => onReprint({ ...values, deviceId })}>
          {t('kiosk.reprint')}
        </button>
        <button type="button" className="kiosk-wide kiosk-back" onClick={onBack}>
          {t('kiosk.back')}
        </button>
      </div>
    </section>
  );
}
