import type { SignedInStaff } from '@hall/shared';
import { StaffHeader, useT } from '@hall/shared/ui';

interface Props {
  hall: string;
  staff: SignedInStaff;
  timezone: string;
  clockOffsetMs: number;
  onSwitchLocale(): void;
  onChangePin(): void;
  onLogout(): void;
}

export function OfficeHeader({ staff, ...header }: Props) {
  const { t } = useT();
  const role = staff.roles.includes('admin') ? t('office.role.admin') : t('office.role.captain');
  return (
    <StaffHeader page="office" {...header}>
      <h1 className="office-header-title">{t('office.title')}</h1>
      <p className="office-header-staff" data-testid="office-staff">
        {role} {t('office.staffLabel', { name: staff.name, staffNo: staff.staffNo })}
      </p>
    </StaffHeader>
  );
}
