import { useNow, useT } from '@hall/shared/ui';
import { formatDateTime } from '@hall/shared';

export function KioskHeader({
  hall,
  timezone,
  onSwitchLocale,
}: {
  hall: string;
  timezone: string;
  onSwitchLocale: () => void;
}) {
  const { t, locale } = useT();
  const now = useNow(10_000);
  return (
    <header className="kiosk-header">
      <h1 className="kiosk-hall">{hall}</h1>
      <p className="kiosk-clock">{formatDateTime(now, timezone, locale)}</p>
      <div className="kiosk-header-buttons">
        <button type="button" className="kiosk-header-button" onClick={onSwitchLocale}>
          {t('kiosk.languageSwitch')}
        </button>
      </div>
    </header>
  );
}
