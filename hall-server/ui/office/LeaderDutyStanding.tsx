import type { DepartmentLeaderDuty, LeaderRole, LeaderRoleCompliance } from '@hall/shared';
import { useT } from '@hall/shared/ui';

interface Props {
  departments: readonly DepartmentLeaderDuty[];
}

const ROLES: readonly LeaderRole[] = ['head', 'deputy'];

function RoleCell({ standing, role }: { standing: LeaderRoleCompliance; role: LeaderRole }) {
  const { t } = useT();
  return (
    <td className={standing.overdue ? 'duty-overdue-cell' : undefined} data-role={role} data-overdue={standing.overdue}>
      {standing.overdue && <span className="duty-overdue">{t('leaderDuty.overdue')}</span>}
      <span>{standing.lastVisit === null ? t('leaderDuty.never') : t('leaderDuty.last', { date: standing.lastVisit })}</span>
      {standing.dueBy !== null && <span className="duty-due">{t('leaderDuty.dueBy', { date: standing.dueBy })}</span>}
    </td>
  );
}

/** Each department's last sitting of its head and its deputy, when the next is due, and who is overdue (red). */
export function LeaderDutyStanding({ departments }: Props) {
  const { t } = useT();
  return (
    <table className="duty-standing" data-testid="leader-duty-standing">
      <thead>
        <tr>
          <th scope="col">{t('leaderDuty.department')}</th>
          {ROLES.map((role) => (
            <th key={role} scope="col">
              {t(`leaderDuty.role.${role}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {departments.map((d) => (
          <tr key={d.department} data-department={d.department}>
            <th scope="row">{d.department}</th>
            {ROLES.map((role) => (
              <RoleCell key={role} standing={d[role]} role={role} />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
