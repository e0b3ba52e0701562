import { useCallback, useEffect, useState } from 'react';
import { ErrorCode, formatElapsed, localDate, localTime, type BackupRecord, type HealthReply, type MessageKey } from '@hall/shared';
import { Problem, problemText, useT } from '@hall/shared/ui';
import { useAdmin } from './admin-context';
import { useLoad } from './use-load';

// 备份与运行状况: what GET /api/health says (the disk, the last backup, faults and calls for a
// guide nobody answered), the backups kept, and a backup made now.

/** How often the health is asked again while the section is open. */
const HEALTH_EVERY_MS = 15_000;

export function BackupsSection() {
  const { t } = useT();
  const { admin, snapshot } = useAdmin();
  const health = useLoad(useCallback(() => admin.health(), [admin]));
  const list = useLoad(useCallback(() => admin.backups(), [admin]));
  const refreshHealth = health.refresh;
  useEffect(() => {
    const timer = setInterval(() => void refreshHealth(), HEALTH_EVERY_MS);
    return () => clearInterval(timer);
  }, [refreshHealth]);
  const timezone = snapshot?.timezone ?? 'Asia/Shanghai';
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  const backUp = async () => {
    setRunning(true);
    setResult(null);
    try {
      const { backup } = await admin.backUp();
      setResult({ ok: true, text: t('admin.backups.done', { file: backup.file }) });
    } catch (error) {
      setResult({ ok: false, text: t('admin.backups.failed', { reason: problemText(error, t) }) });
    }
    setRunning(false);
    await Promise.all([list.refresh(), health.refresh()]);
  };

  return (
    <div className="admin-backups">
      <section className="admin-box admin-health" aria-label={t('admin.backups.health')}>
        <h3>{t('admin.backups.health')}</h3>
        <Problem page="office" problem={health.problem === null ? null : problemText(health.problem, t)} testId="health-problem" />
        {health.value && <HealthLines health={health.value} timezone={timezone} />}
      </section>
      <div className="admin-backup-now">
        <button type="button" className="office-primary admin-backup-button" disabled={running} aria-busy={running} onClick={() => void backUp()}>
          {t(running ? 'admin.backups.running' : 'admin.backups.backUpNow')}
        </button>
        {result && (
          <p className={`office-notice office-notice-${result.ok ? 'info' : 'error'} admin-backup-result`} role={result.ok ? 'status' : 'alert'} data-testid="backup-result">
            {result.text}
          </p>
        )}
      </div>
      <section className="admin-backup-list" aria-label={t('admin.backups.list')}>
        <h3>{t('admin.backups.list')}</h3>
        <Problem page="office" problem={list.problem === null ? null : problemText(list.problem, t)} testId="backups-problem" />
        {list.value && <p className="admin-field-hint">{t('admin.backups.keepDays', { days: list.value.keepDays })}</p>}
        {list.value && list.value.backups.length === 0 && <p className="admin-empty">{t('admin.backups.empty')}</p>}
        {list.value && list.value.backups.length > 0 && <BackupTable backups={list.value.backups} timezone={timezone} />}
      </section>
    </div>
  );
}

const when = (at: string, timezone: string) => {
  const ms = Date.parse(at);
  return `${localDate(ms, timezone)} ${localTime(ms, timezone)}`;
};

function HealthLines({ health, timezone }: { health: HealthReply; timezone: string }) {
  const { t, locale } = useT();
  const { storage, backup, faults } = health;
  const open = (count: number, seconds: number | null) =>
    count === 0 || seconds === null ? t('admin.backups.noneOpen') : t('admin.backups.openFor', { count, age: formatElapsed(seconds * 1000, locale) });
  const rows: { key: string; label: string; value: string; bad: boolean }[] = [
    {
      key: 'disk',
      label: t('admin.backups.disk'),
      value: storage.writable
        ? t('admin.backups.diskOk')
        : `${t(`admin.backups.diskProblem.${storage.problem ?? 'failed'}`)}${storage.since ? ` · ${t('admin.backups.diskSince', { time: when(storage.since, timezone) })}` : ''}`,
      bad: !storage.writable,
    },
    {
      key: 'last',
      label: t('admin.backups.lastBackup'),
      value: backup.last === null ? t('admin.backups.never') : `${when(backup.last.at, timezone)} · ${t(backup.last.ok ? 'admin.backups.ok' : 'admin.backups.notOk')}`,
      bad: backup.last === null || !backup.last.ok,
    },
    { key: 'good', label: t('admin.backups.lastGood'), value: backup.lastGoodAt === null ? t('admin.backups.never') : when(backup.lastGoodAt, timezone), bad: backup.lastGoodAt === null },
    { key: 'next', label: t('admin.backups.nextAt'), value: backup.nextAt === null ? '—' : when(backup.nextAt, timezone), bad: false },
    { key: 'faults', label: t('admin.backups.faults'), value: open(faults.openFaults, faults.oldestFaultSeconds), bad: faults.openFaults > 0 },
    { key: 'help', label: t('admin.backups.helpRequests'), value: open(faults.openHelpRequests, faults.oldestHelpRequestSeconds), bad: faults.openHelpRequests > 0 },
  ];
  return (
    <dl className="admin-health-lines">
      {rows.map((row) => (
        <div key={row.key} className={row.bad ? 'admin-health-bad' : undefined} data-health={row.key}>
          <dt>{row.label}</dt>
          <dd>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A failed backup's reason in the page's language: its code's text (the record's own line is Chinese, for the log). */
function reasonKey(code: string): MessageKey | null {
  return ErrorCode.safeParse(code).success ? (`error.${code}` as MessageKey) : null;
}

function BackupTable({ backups, timezone }: { backups: BackupRecord[]; timezone: string }) {
  const { t } = useT();
  return (
    <div className="admin-table-scroll">
      <table className="admin-table admin-backup-table">
        <thead>
          <tr>
            <th>{t('admin.backups.when')}</th>
            <th>{t('admin.backups.trigger')}</th>
            <th>{t('admin.backups.size')}</th>
            <th>{t('admin.backups.result')}</th>
            <th>{t('admin.backups.contents')}</th>
          </tr>
        </thead>
        <tbody>
          {backups.map((backup) => {
            const key = backup.error === null ? null : reasonKey(backup.error.code);
            const { contents } = backup;
            return (
              <tr key={backup.file} data-backup={backup.file}>
                <td>{when(backup.startedAt, timezone)}</td>
                <td>{t(`admin.backups.trigger.${backup.trigger}`)}</td>
                <td>{backup.bytes === null ? '—' : t('admin.backups.megabytes', { mb: (backup.bytes / 1_048_576).toFixed(1) })}</td>
                <td className={`admin-wrap ${backup.ok ? 'admin-backup-ok' : 'admin-backup-failed'}`}>
                  {backup.ok ? t('admin.backups.ok') : `${t('admin.backups.notOk')}：${key === null ? (backup.error?.message ?? '') : t(key)}`}
                </td>
                <td className="admin-wrap">
                  {contents && (
                    <>
                      <div>
                        {contents.firstServiceDate === null
                          ? t('admin.backups.noDays')
                          : t('admin.backups.days', { first: contents.firstServiceDate, last: contents.lastServiceDate ?? '', days: contents.serviceDays })}
                      </div>
                      <div>{t('admin.backups.counts', { tickets: contents.tickets, ratings: contents.ratings })}</div>
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
