import type { SignedInStaff, WindowView } from '@hall/shared';
import { StaffHeader, useT } from '@hall/shared/ui';

interface Props {
  hall: string;
  window: WindowView | null;
  windowNo: number;
  staff: SignedInStaff;
  timezone: string;
  clockOffsetMs: number;
  onSwitchLocale(): void;
  onChangePin(): void;
  onLogout(): void;
}

export function ConsoleHeader({ window, windowNo, staff, ...header }: Props) {
  const { t } = useT();
  return (
    <StaffHeader page="console" {...header}>
      <p className="console-header-window" data-testid="console-window">
        <strong>{t('console.windowLabel', { no: windowNo })}</strong>
        {window && <span>{window.name}</span>}
      </p>
      <p className="console-header-staff" data-testid="console-staff">
        {t('console.staffLabel', { name: staff.name, staffNo: staff.staffNo })}
      </p>
    </StaffHeader>
  );
}
