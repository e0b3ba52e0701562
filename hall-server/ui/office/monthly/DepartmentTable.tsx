import type { LeaderRoleCompliance, MonthlyDepartment } from '@hall/shared';
import { useT } from '@hall/shared/ui';
import { formatMinutes, formatRate } from '../format';
import { TableBox } from './TableBox';

function Standing({ role }: { role: LeaderRoleCompliance }) {
  const { t } = useT();
  return (
    <span className={role.overdue ? 'monthly-overdue' : undefined} data-overdue={role.overdue}>
      {role.overdue ? t('monthly.overdue') : t('monthly.kept')}
      <span className="monthly-sub">{role.lastVisit ?? t('monthly.never')}</span>
    </span>
  );
}

/** 部门: each department's month and its leaders' duty standing (逾期 in red). */
export function DepartmentTable({ departments }: { departments: readonly MonthlyDepartment[] }) {
  const { t } = useT();
  return (
    <TableBox id="monthly-departments-title" title={t('monthly.departmentsTitle')}>
        <table className="monthly-table" data-testid="departments">
          <thead>
            <tr>
              <th className="monthly-text">{t('monthly.col.department')}</th>
              <th>{t('monthly.col.served')}</th>
              <th>{t('monthly.head.averageWait')}</th>
              <th>{t('monthly.col.satisfactionRate')}</th>
              <th>{t('monthly.col.followUpsOnTime')}</th>
              <th>{t('monthly.head.leaderVisits')}</th>
              <th>{t('monthly.col.headStanding')}</th>
              <th>{t('monthly.col.deputyStanding')}</th>
            </tr>
          </thead>
          <tbody>
            {departments.map((d) => (
              <tr key={d.department}>
                <td className="monthly-text">{d.department}</td>
                <td>{d.served}</td>
                <td>{formatMinutes(d.averageWaitMinutes, t)}</td>
                <td>{formatRate(d.satisfactionRate, t)}</td>
                <td>{t('monthly.ofCount', { part: d.followUpsOnTime, whole: d.followUpsOpened })}</td>
                <td>{t('monthly.visits', { head: d.leaderVisits.head, deputy: d.leaderVisits.deputy })}</td>
                <td>
                  <Standing role={d.leaderDuty.head} />
                </td>
                <td>
                  <Standing role={d.leaderDuty.deputy} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
    </TableBox>
  );
}
