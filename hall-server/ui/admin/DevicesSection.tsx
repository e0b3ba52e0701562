import { useCallback, useEffect, useState } from 'react';
import { AdminDeviceBody, deviceFaultText, localDate, localTime, type AdminDeviceView, type EnrolDeviceReply } from '@hall/shared';
import { Problem, problemText, useT } from '@hall/shared/ui';
import { useAdmin } from './admin-context';
import { Field } from './Field';
import { EnrolledOnce, PairDeviceForm, PendingPairings, type PairMode } from './PairDevice';
import type { FieldRules } from './field-errors';
import { useAction } from './use-action';
import { useAdminForm } from './use-admin-form';
import { useLoad } from './use-load';

const rules: FieldRules = { name: 'admin.device.nameRule', windowNo: 'admin.device.windowRule' };

/** What is being edited: a device's row, or a device being paired or enrolled. */
type Editing = { deviceId: string } | PairMode | null;

/** New devices showing their code are looked for this often while the page is open. */
const PENDING_EVERY_MS = 3000;

/**
 * 设备: every pad, kiosk and screen the hall knows, where it is, whether it answers, what is
 * wrong; the devices waiting to be paired; pairing, enrolling and revoking (issue 15).
 */
export function DevicesSection() {
  const { t, locale } = useT();
  const { admin, setup, snapshot, say, confirm } = useAdmin();
  const listed = useLoad(useCallback(() => admin.devices(), [admin]));
  const devices = listed.value;
  const problem = listed.problem === null ? null : problemText(listed.problem, t);
  const [editing, setEditing] = useState<Editing>(null);
  const action = useAction();
  const timezone = snapshot?.timezone ?? setup?.settings.timezone ?? 'Asia/Shanghai';

  const load = listed.refresh;
  const pending = useLoad(useCallback(() => admin.pendingPairings(), [admin]));
  const refreshPending = pending.refresh;
  useEffect(() => {
    const timer = setInterval(() => void refreshPending(), PENDING_EVERY_MS);
    return () => clearInterval(timer);
  }, [refreshPending]);
  const [enrolled, setEnrolled] = useState<EnrolDeviceReply | null>(null);
  const windows = setup?.windows.map((w) => ({ no: w.no, name: w.name })) ?? [];
  const pairing = editing !== null && 'kind' in editing ? editing : null;

  const seen = (at: string | null) => {
    if (at === null) return t('admin.device.neverSeen');
    const ms = Date.parse(at);
    const today = snapshot?.serviceDate;
    const date = localDate(ms, timezone);
    return date === today ? localTime(ms, timezone) : `${date.slice(5)} ${localTime(ms, timezone)}`;
  };
  const revoke = (device: AdminDeviceView) =>
    action.run(async () => {
      const what = device.name ?? device.deviceId;
      if (!(await confirm(t('admin.device.revokeConfirm', { what }), t('admin.device.revoke')))) return;
      await admin.removeDevice(device.deviceId);
      await load();
      say(t('admin.device.revoked', { what }));
    });
  const saved = async (text: string) => {
    setEditing(null);
    await Promise.all([load(), refreshPending()]);
    say(text);
  };
  const enrolledNow = async (reply: EnrolDeviceReply) => {
    setEditing(null);
    setEnrolled(reply);
    await load();
  };

  return (
    <div className="admin-devices">
      <div className="admin-toolbar">
        <button type="button" className="office-primary" aria-pressed={pairing?.kind === 'code' && pairing.pending === null} onClick={() => setEditing({ kind: 'code', pending: null })}>
          {t('admin.pair.enterCode')}
        </button>
        <button type="button" className="office-secondary" aria-pressed={pairing?.kind === 'enrol'} onClick={() => setEditing({ kind: 'enrol' })}>
          {t('admin.pair.enrol')}
        </button>
        <button type="button" className="office-secondary" onClick={() => void Promise.all([load(), refreshPending()])}>
          {t('admin.refresh')}
        </button>
      </div>
      {enrolled !== null && <EnrolledOnce enrolled={enrolled} onClose={() => setEnrolled(null)} />}
      {pairing !== null && (
        <PairDeviceForm
          key={pairing.kind === 'code' ? (pairing.pending?.code ?? 'typed') : 'enrol'}
          mode={pairing}
          windows={windows}
          onPaired={saved}
          onEnrolled={enrolledNow}
          onCancel={() => setEditing(null)}
        />
      )}
      {pending.value !== null && <PendingPairings pairings={pending.value} timezone={timezone} onPair={(p) => setEditing({ kind: 'code', pending: p })} />}
      <Problem page="office" problem={problem ?? action.problem} testId="action-problem" />
      {devices === null ? (
        <p className="admin-empty">{t('office.loading')}</p>
      ) : (
        <div className="admin-table-scroll">
          <table className="admin-table" data-testid="devices">
            <thead>
              <tr>
                <th scope="col">{t('admin.device.kind')}</th>
                <th scope="col">{t('admin.device.id')}</th>
                <th scope="col">{t('admin.device.name')}</th>
                <th scope="col">{t('admin.device.window')}</th>
                <th scope="col">{t('admin.device.lastSeen')}</th>
                <th scope="col">{t('admin.device.state')}</th>
                <th scope="col">{t('admin.device.faults')}</th>
                <th scope="col">{t('admin.device.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {devices.map((device) => {
                const editable = device.kind === 'kiosk' || device.kind === 'pad';
                const open = editing !== null && 'deviceId' in editing && editing.deviceId === device.deviceId;
                return [
                  <tr key={device.deviceId} data-device={device.deviceId}>
                    <td>{t(`admin.device.kind.${device.kind}`)}</td>
                    <td className="admin-mono">{device.deviceId}</td>
                    <td className="admin-wrap">
                      {device.name ?? '—'}
                      {!device.enrolled && <span className="admin-badge admin-badge-warn">{t('admin.device.notPaired')}</span>}
                    </td>
                    <td>{device.windowNo === null ? '—' : t('admin.window.noShort', { no: device.windowNo })}</td>
                    <td className="admin-num">{seen(device.lastSeenAt)}</td>
                    <td>
                      <span className={`admin-badge ${device.online ? 'admin-badge-ok' : 'admin-badge-off'}`}>{t(device.online ? 'admin.device.online' : 'admin.device.offline')}</span>
                    </td>
                    <td className="admin-faults admin-wrap">{device.faults.length === 0 ? '—' : device.faults.map((fault) => deviceFaultText(fault, locale)).join('；')}</td>
                    <td className="admin-row-buttons">
                      {editable && (
                        <button type="button" className="office-secondary admin-small" aria-expanded={open} onClick={() => setEditing(open ? null : { deviceId: device.deviceId })}>
                          {t(device.kind === 'kiosk' ? 'admin.device.rename' : 'admin.device.bind')}
                        </button>
                      )}
                      {(device.enrolled || editable) && (
                        <button type="button" className="admin-danger admin-small" disabled={action.busy} onClick={() => void revoke(device)}>
                          {t('admin.device.revoke')}
                        </button>
                      )}
                    </td>
                  </tr>,
                  open && (
                    <tr key={`${device.deviceId}-edit`} className="admin-edit-row">
                      <td colSpan={8}>
                        <DeviceForm
                          kind={device.kind === 'kiosk' ? 'kiosk' : 'pad'}
                          device={device}
                          windows={windows}
                          onSaved={saved}
                          onCancel={() => setEditing(null)}
                        />
                      </td>
                    </tr>
                  ),
                ];
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

interface FormProps {
  kind: 'kiosk' | 'pad';
  device: AdminDeviceView;
  windows: readonly { no: number; name: string }[];
  onSaved(text: string): Promise<void>;
  onCancel(): void;
}

/** A kiosk's place, or the window a pad faces (and its name): saved as one PUT. */
function DeviceForm({ kind, device, windows, onSaved, onCancel }: FormProps) {
  const { t } = useT();
  const { admin } = useAdmin();
  const [name, setName] = useState(device.name ?? '');
  const [windowNo, setWindowNo] = useState(device.windowNo === null ? '' : String(device.windowNo));
  const form = useAdminForm({
    schema: AdminDeviceBody,
    body: () =>
      kind === 'kiosk'
        ? { kind, name: name.trim() }
        : { kind, ...(name.trim() ? { name: name.trim() } : {}), windowNo: windowNo === '' ? Number.NaN : Number(windowNo) },
    rules,
    codes: { WINDOW_NOT_FOUND: 'windowNo' },
    send: async (valid) => {
      await admin.saveDevice(device.deviceId, valid);
      await onSaved(t('admin.device.saved', { what: valid.name ?? device.deviceId }));
    },
  });
  return (
    <form className="admin-inline-form" onSubmit={form.submit} noValidate aria-label={t('admin.device.editor')}>
      <Field name="name" label={t(kind === 'kiosk' ? 'admin.device.place' : 'admin.device.padName')} error={form.fields.name}>
        {(control) => <input {...control} value={name} autoFocus onChange={(e) => setName(e.target.value)} />}
      </Field>
      {kind === 'pad' && (
        <Field name="windowNo" label={t('admin.device.faces')} error={form.fields.windowNo}>
          {(control) => (
            <select {...control} value={windowNo} onChange={(e) => setWindowNo(e.target.value)}>
              <option value="">{t('admin.device.chooseWindow')}</option>
              {windows.map((w) => (
                <option key={w.no} value={w.no}>
                  {t('admin.window.noShort', { no: w.no })} {w.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <div className="admin-form-buttons">
        <Problem page="office" problem={form.problem} testId="form-problem" />
        <button type="button" className="office-secondary" onClick={onCancel}>
          {t('admin.cancel')}
        </button>
        <button type="submit" className="office-primary" disabled={form.busy}>
          {t('admin.save')}
        </button>
      </div>
    </form>
  );
}
