import type { WindowView } from '@hall/shared';
import { useT } from '@hall/shared/ui';

/** The first character of the name: the surname, which is how visitors address the staff. */
export function initialOf(name: string): string {
  return Array.from(name.trim())[0] ?? '';
}

/** Between visitors: who serves at this window, and that the pad will ask for a rating. */
export function IdleScreen({ window, setupProblem }: { window: WindowView; setupProblem: string | null }) {
  const { t } = useT();
  const { staff } = window;
  return (
    <main className="pad-body pad-idle">
      {staff ? (
        <div className="pad-staff" data-testid="pad-staff">
          <div className="pad-avatar" data-testid="pad-initial" aria-hidden="true">
            {initialOf(staff.name)}
          </div>
          <div>
            <p className="pad-staff-name" data-testid="pad-staff-name">
              {staff.name}
            </p>
            <p className="pad-staff-no" data-testid="pad-staff-no">
              {t('pad.staffNo', { staffNo: staff.staffNo })}
            </p>
          </div>
        </div>
      ) : (
        <p className="pad-no-staff" data-testid="pad-no-staff">
          {t('pad.noStaff')}
        </p>
      )}
      <p className="pad-hint">{t('pad.idleHint')}</p>
      {setupProblem && (
        <p className="pad-setup-problem" role="alert" data-testid="pad-setup-problem">
          {setupProblem}
        </p>
      )}
    </main>
  );
}
