import { localTime, type SignedInStaff } from '@hall/shared';
import { useNow, useT } from '@hall/shared/ui';

interface Props {
  hall: string;
  staff: SignedInStaff;
  timezone: string;
  clockOffsetMs: number;
  onSwitchLocale(): void;
  onLogout(): void;
}

export function OfficeHeader({ hall, staff, timezone, clockOffsetMs, onSwitchLocale, onLogout }: Props) {
  const { t } = useT();
  const now = useNow(5000) + clockOffsetMs;
  const role = staff.roles.includes('admin') ? t('office.role.admin') : t('office.role.captain');
  return (
    <header className="office-header">
      <h1 className="office-header-title">{t('office.title')}</h1>
      <p className="office-header-staff" data-testid="office-staff">
        {role} {t('office.staffLabel', { name: staff.name, staffNo: staff.staffNo })}
      </p>
      <p className="office-header-hall">
        {hall} <span className="office-clock">{localTime(now, timezone)}</span>
      </p>
      <div className="office-header-buttons">
        <button type="button" className="office-header-button" onClick={onSwitchLocale}>
          {t('office.languageSwitch')}
        </button>
        <button type="button" className="office-header-button" data-action="logout" onClick={onLogout}>
          {t('office.logout')}
        </button>
      </div>
    </header>
  );
}
