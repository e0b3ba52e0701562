import { useT } from '@hall/shared/ui';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** A large on-screen number pad: digits, 清除 (clear) and 删除 (delete one). */
export function NumberPad({ onDigit, onClear, onDelete }: { onDigit(digit: string): void; onClear(): void; onDelete(): void }) {
  const { t } = useT();
  return (
    <div className="kiosk-keypad">
      {DIGITS.map((d) => (
        <button key={d} type="button" className="kiosk-key" onClick={() => onDigit(d)}>
          {d}
        </button>
      ))}
      <button type="button" className="kiosk-key kiosk-key-word" onClick={onClear}>
        {t('kiosk.keyClear')}
      </button>
      <button type="button" className="kiosk-key" onClick={() => onDigit('0')}>
        0
      </button>
      <button type="button" className="kiosk-key kiosk-key-word" onClick={onDelete}>
        {t('kiosk.keyDelete')}
      </button>
    </div>
  );
}
