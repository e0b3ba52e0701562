import { useState } from 'react';
import { ZodError } from 'zod';
import { HallSetupFile, type SetupChangeReply } from '@hall/shared';
import { Problem, problemText, useT } from '@hall/shared/ui';
import { download } from './admin-api';
import { useAdmin } from './admin-context';
import { badPlaces, changeName, type BadPlace } from './import-report';

/** 导入导出: the whole set-up as a JSON file, and service items from a spreadsheet; each checked and shown before it is written. */
export function TransferSection() {
  const { t } = useT();
  const { admin } = useAdmin();
  const [problem, setProblem] = useState<string | null>(null);
  const exportSetup = async () => {
    setProblem(null);
    try {
      const setup = await admin.setup();
      download(new Blob([JSON.stringify(setup, null, 2)], { type: 'application/json' }), `hall-setup-${new Date().toISOString().slice(0, 10)}.json`);
    } catch (error) {
      setProblem(problemText(error, t));
    }
  };
  return (
    <div className="admin-transfer">
      <section className="admin-box">
        <h3>{t('admin.transfer.exportTitle')}</h3>
        <p className="admin-field-hint">{t('admin.transfer.exportHint')}</p>
        <button type="button" className="office-secondary" onClick={() => void exportSetup()}>
          {t('admin.transfer.export')}
        </button>
        <Problem page="office" problem={problem} testId="export-problem" />
      </section>
      <ImportBox
        kind="setup"
        accept=".json,application/json"
        check={async (file, dryRun) => {
          const parsed = HallSetupFile.safeParse(parseJson(await file.text()));
          if (!parsed.success) throw parsed.error;
          return admin.importSetup(parsed.data, dryRun);
        }}
      />
      <ImportBox kind="items" accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" check={(file, dryRun) => admin.importItems(file, dryRun)} />
    </div>
  );
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

interface ImportProps {
  kind: 'setup' | 'items';
  accept: string;
  check(file: File, dryRun: boolean): Promise<SetupChangeReply>;
}

/** Choose a file, see what it would change (or every bad row), then confirm to write it all. */
function ImportBox({ kind, accept, check }: ImportProps) {
  const { t } = useT();
  const { reload, say, confirm } = useAdmin();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<SetupChangeReply | null>(null);
  const [bad, setBad] = useState<BadPlace[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const attempt = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setProblem(null);
    setBad([]);
    try {
      const reply = await check(file, dryRun);
      if (dryRun) setPreview(reply);
      else {
        setPreview(null);
        setFile(null);
        await reload();
        say(t('admin.transfer.imported', { count: reply.changes.length }));
      }
    } catch (error) {
      setPreview(null);
      const places = badPlaces(error);
      setBad(places);
      // A file this page could not read as a set-up is said here; the server's refusals in its own words.
      setProblem(error instanceof ZodError ? t('admin.transfer.badFile', { count: places.length }) : problemText(error, t));
    }
    setBusy(false);
  };
  const apply = async () => {
    if (!preview || !(await confirm(t('admin.transfer.confirm', { count: preview.changes.length }), t('admin.transfer.apply')))) return;
    await attempt(false);
  };
  return (
    <section className="admin-box admin-import" data-import={kind}>
      <h3>{t(`admin.transfer.${kind}Title`)}</h3>
      <p className="admin-field-hint">{t(`admin.transfer.${kind}Hint`)}</p>
      <div className="admin-toolbar">
        <label className="admin-file">
          {t('admin.transfer.chooseFile')}
          <input
            type="file"
            className="office-visually-hidden"
            accept={accept}
            data-testid={`${kind}-file`}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setPreview(null);
              setBad([]);
              setProblem(null);
            }}
          />
        </label>
        <button type="button" className="office-secondary" disabled={!file || busy} onClick={() => void attempt(true)}>
          {t('admin.transfer.check')}
        </button>
      </div>
      <p className="admin-file-name">{file ? file.name : t('admin.transfer.noFile')}</p>
      <Problem page="office" problem={problem} testId={`${kind}-problem`} />
      {bad.length > 0 && (
        <div className="admin-table-scroll admin-import-list">
          <table className="admin-table" data-testid={`${kind}-bad`}>
            <thead>
              <tr>
                <th scope="col">{t('admin.transfer.where')}</th>
                <th scope="col">{t('admin.transfer.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {bad.map((place, index) => (
                <tr key={index}>
                  <td className="admin-num">
                    {typeof place.where === 'number' ? t('admin.transfer.row', { row: place.where }) : place.where}
                    {place.column ? ` · ${place.column}` : ''}
                  </td>
                  <td className="admin-wrap">{place.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {preview && (
        <>
          <p className="admin-toolbar-text" data-testid={`${kind}-preview`}>
            {preview.changes.length === 0 ? t('admin.transfer.noChanges') : t('admin.transfer.changes', { count: preview.changes.length })}
          </p>
          {preview.changes.length > 0 && (
            <div className="admin-table-scroll admin-import-list">
              <table className="admin-table">
                <thead>
                  <tr>
                    <th scope="col">{t('admin.transfer.part')}</th>
                    <th scope="col">{t('admin.transfer.key')}</th>
                    <th scope="col">{t('admin.transfer.change')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.changes.map((change, index) => (
                    <tr key={index} data-change={change.change}>
                      <td>{t(`admin.transfer.part.${change.part}`)}</td>
                      <td className="admin-wrap">
                        {change.key}
                        {changeName(change) && ` ${changeName(change)}`}
                      </td>
                      <td>{t(`admin.transfer.change.${change.change}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {preview.changes.length > 0 && (
            <div className="admin-form-buttons">
              <button type="button" className="office-primary" disabled={busy} onClick={() => void apply()}>
                {t('admin.transfer.apply')}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
