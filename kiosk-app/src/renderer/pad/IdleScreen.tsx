import type { WindowView } from '@hall/shared';
import { useT } from '@hall/shared/ui';
import { initialOf } from './initials';

/** Long names (少数民族 names with ·, foreign names) get smaller type so they fit on one line or two. */
function nameSize(name: string): string {
  const length = Array.from(name).length;
  return length <= 4 ? 'pad-name-short' : length <= 7 ? 'pad-name-medium' : 'pad-name-long';
}

/**
 * Between visitors: who serves at this window and the line for complaints. It does not ask for a
 * rating: nothing has been served yet.
 */
export function IdleScreen({ window, supervisionPhone, setupProblem }: { window: WindowView; supervisionPhone: string | null; setupProblem: string | null }) {
  const { t } = useT();
  const { staff } = window;
  return (
    <main className="pad-body pad-idle">
      {staff ? (
        <div className="pad-staff" data-testid="pad-staff">
          <div className="pad-avatar" data-testid="pad-initial" aria-hidden="true">
            {initialOf(staff.name)}
          </div>
          <div className="pad-staff-text">
            <p className={`pad-staff-name ${nameSize(staff.name)}`} data-testid="pad-staff-name">
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
      <p className="pad-welcome" data-testid="pad-welcome">
        {t('pad.welcome')}
      </p>
      {supervisionPhone && (
        <p className="pad-supervision" data-testid="pad-supervision">
          {t('pad.supervision')}
          <span className="pad-supervision-phone">{supervisionPhone}</span>
        </p>
      )}
      {setupProblem && (
        <p className="pad-setup-problem" role="alert" data-testid="pad-setup-problem">
          {setupProblem}
        </p>
      )}
    </main>
  );
}
