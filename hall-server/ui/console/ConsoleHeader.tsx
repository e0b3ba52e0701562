import { localTime } from '@hall/shared';
import type { SignedInStaff, WindowView } from '@hall/shared';
import { useNow, useT } from '@hall/shared/ui';

interface Props {
  hall: string;
  window: WindowView | null;
  windowNo: number;
  staff: SignedInStaff;
  timezone: string;
  clockOffsetMs: number;
  onSwitchLocale(): void;
  onLogout(): void;
}

export function ConsoleHeader({ hall, window, windowNo, staff, timezone, clockOffsetMs, onSwitchLocale, onLogout }: Props) {
  const { t } = useT();
  const now = useNow(5000) + clockOffsetMs;
  return (
    <header className="console-header">
      <p className="console-header-window" data-testid="console-window">
        <strong>{t('console.windowLabel', { no: windowNo })}</strong>
        {window && <span>{window.name}</span>}
      </p>
      <p className="console-header-staff" data-testid="console-staff">
        {t('console.staffLabel', { name: staff.name, staffNo: staff.staffNo })}
      </p>
      <p className="console-header-hall">
        {hall} <span className="console-clock">{localTime(now, timezone)}</span>
      </p>
      <div className="console-header-buttons">
        <button type="button" className="console-header-button" onClick={onSwitchLocale}>
          {t('console.languageSwitch')}
        </button>
        <button type="button" className="console-header-button" data-action="logout" onClick={onLogout}>
          {t('console.logout')}
        </button>
      </div>
    </header>
  );
}
