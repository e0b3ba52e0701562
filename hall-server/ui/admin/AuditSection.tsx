import { useCallback, useState } from 'react';
import { localDate, localTime } from '@hall/shared';
import { Problem, problemText, useT } from '@hall/shared/ui';
import { download, type AuditFilter } from './admin-api';
import { useAdmin } from './admin-context';
import { Field } from './Field';
import { useLoad } from './use-load';

/** 操作记录: every set-up change and staff action of a span of days, filtered, readable, as CSV. */
export function AuditSection() {
  const { t } = useT();
  const { snapshot } = useAdmin();
  // The span opens on the hall's service day, which the hall feed tells.
  if (!snapshot) return <p className="admin-empty">{t('office.loading')}</p>;
  return <AuditLog today={snapshot.serviceDate} timezone={snapshot.timezone} />;
}

function AuditLog({ today, timezone }: { today: string; timezone: string }) {
  const { t } = useT();
  const { admin, setup } = useAdmin();
  const [filter, setFilter] = useState<AuditFilter>({ from: today, to: today, staffNo: '', windowNo: '', kind: '' });
  /** The filter of the list shown (and of its CSV): the one last asked for. */
  const [shown, setShown] = useState<AuditFilter>(filter);
  const log = useLoad(useCallback(() => admin.audit(shown), [admin, shown]));
  const reply = log.value;
  const [csvProblem, setCsvProblem] = useState<unknown>(null);
  const failure = csvProblem ?? log.problem;
  const problem = failure === null ? null : problemText(failure, t);
  const rangeBad = !filter.from || !filter.to || filter.from > filter.to;
  const csv = async () => {
    setCsvProblem(null);
    try {
      download(await admin.auditCsv(shown), `audit-${shown.from}-${shown.to}.csv`);
    } catch (error) {
      setCsvProblem(error);
    }
  };
  const kinds = [...new Set(reply?.entries.map((e) => e.kind) ?? [])].sort();
  const set = (change: Partial<AuditFilter>) => setFilter({ ...filter, ...change });
  const when = (at: string) => {
    const ms = Date.parse(at);
    return `${localDate(ms, timezone).slice(5)} ${localTime(ms, timezone)}`;
  };
  return (
    <div className="admin-audit">
      <form
        className="admin-filter"
        noValidate
        aria-label={t('admin.audit.filter')}
        onSubmit={(e) => {
          e.preventDefault();
          if (!rangeBad) setShown({ ...filter });
        }}
      >
        <Field name="from" label={t('office.from')} className="admin-field-date" error={rangeBad ? t('office.rangeInvalid') : undefined}>
          {(control) => <input {...control} type="date" value={filter.from} onChange={(e) => set({ from: e.target.value })} />}
        </Field>
        <Field name="to" label={t('office.to')} className="admin-field-date">
          {(control) => <input {...control} type="date" value={filter.to} onChange={(e) => set({ to: e.target.value })} />}
        </Field>
        <Field name="staffNo" label={t('admin.audit.person')} className="admin-field-pick">
          {(control) => (
            <select {...control} value={filter.staffNo} onChange={(e) => set({ staffNo: e.target.value })}>
              <option value="">{t('admin.audit.anyone')}</option>
              {setup?.staff.map((s) => (
                <option key={s.staffNo} value={s.staffNo}>
                  {s.name}（{s.staffNo}）
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="windowNo" label={t('admin.audit.window')} className="admin-field-pick">
          {(control) => (
            <select {...control} value={filter.windowNo} onChange={(e) => set({ windowNo: e.target.value })}>
              <option value="">{t('admin.audit.anyWindow')}</option>
              {setup?.windows.map((w) => (
                <option key={w.no} value={String(w.no)}>
                  {t('admin.window.noShort', { no: w.no })} {w.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="kind" label={t('admin.audit.kind')} hint={t('admin.audit.kindHint')} className="admin-field-pick">
          {(control) => (
            <>
              <input {...control} list="audit-kinds" value={filter.kind} onChange={(e) => set({ kind: e.target.value.trim() })} />
              <datalist id="audit-kinds">
                {kinds.map((kind) => (
                  <option key={kind} value={kind} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <div className="admin-filter-buttons">
          <button type="submit" className="office-primary" disabled={rangeBad}>
            {t('admin.audit.look')}
          </button>
          <button type="button" className="office-secondary" disabled={!reply} onClick={() => void csv()}>
            {t('admin.audit.csv')}
          </button>
        </div>
      </form>
      <Problem page="office" problem={problem} testId="audit-problem" />
      {reply && (
        <p className="admin-toolbar-text" data-testid="audit-count">
          {t(reply.truncated ? 'admin.audit.countTruncated' : 'admin.audit.count', { count: reply.entries.length, from: shown.from, to: shown.to })}
        </p>
      )}
      <div className="admin-table-scroll">
        {reply && reply.entries.length === 0 ? (
          <p className="admin-empty">{t('admin.audit.none')}</p>
        ) : (
          <table className="admin-table" data-testid="audit">
            <thead>
              <tr>
                <th scope="col">{t('admin.audit.at')}</th>
                <th scope="col">{t('admin.audit.person')}</th>
                <th scope="col">{t('admin.audit.window')}</th>
                <th scope="col">{t('admin.audit.summary')}</th>
              </tr>
            </thead>
            <tbody>
              {reply?.entries.map((entry, index) => (
                <tr key={`${entry.at}-${index}`} data-kind={entry.kind}>
                  <td className="admin-num">{when(entry.at)}</td>
                  <td className="admin-wrap">{entry.staffName ? `${entry.staffName}（${entry.staffNo}）` : (entry.staffNo ?? t('admin.audit.system'))}</td>
                  <td>{entry.windowNo === null ? '—' : t('admin.window.noShort', { no: entry.windowNo })}</td>
                  <td className="admin-wrap" title={entry.kind}>
                    {entry.summary}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}
