import { useCallback, useState } from 'react';
import { AdminDeviceBody, deviceFaultText, localDate, localTime, type AdminDeviceView } from '@hall/shared';
import { Problem, problemText, useT } from '@hall/shared/ui';
import { useAdmin } from './admin-context';
import { Field } from './Field';
import type { FieldRules } from './field-errors';
import { useAction } from './use-action';
import { useAdminForm } from './use-admin-form';
import { useLoad } from './use-load';

const rules: FieldRules = { name: 'admin.device.nameRule', windowNo: 'admin.device.windowRule', deviceId: 'admin.device.idRule' };

/** What is being edited: a device's row, or the new kiosk's form. */
type Editing = { deviceId: string } | 'new-kiosk' | null;

/** 设备: every pad, kiosk and screen the hall knows, where it is, whether it answers, what is wrong. */
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

  const seen = (at: string | null) => {
    if (at === null) return t('admin.device.neverSeen');
    const ms = Date.parse(at);
    const today = snapshot?.serviceDate;
    const date = localDate(ms, timezone);
    return date === today ? localTime(ms, timezone) : `${date.slice(5)} ${localTime(ms, timezone)}`;
  };
  const remove = (device: AdminDeviceView) =>
    action.run(async () => {
      const what = device.name ?? device.deviceId;
      if (!(await confirm(t('admin.device.removeConfirm', { what }), t('admin.remove')))) return;
      await admin.removeDevice(device.deviceId);
      await load();
      say(t('admin.device.removed', { what }));
    });
  const saved = async (text: string) => {
    setEditing(null);
    await load();
    say(text);
  };

  return (
    <div className="admin-devices">
      <div className="admin-toolbar">
        <button type="button" className="office-secondary" aria-pressed={editing === 'new-kiosk'} onClick={() => setEditing('new-kiosk')}>
          {t('admin.device.addKiosk')}
        </button>
        <button type="button" className="office-secondary" onClick={() => void load()}>
          {t('admin.refresh')}
        </button>
        <p className="admin-pairing" data-testid="pairing-note">
          <strong>{t('admin.device.pairingTitle')}</strong> {t('admin.device.pairingNote')}
        </p>
      </div>
      {editing === 'new-kiosk' && <DeviceForm kind="kiosk" device={null} windows={[]} onSaved={saved} onCancel={() => setEditing(null)} />}
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
                const open = editing !== null && editing !== 'new-kiosk' && editing.deviceId === device.deviceId;
                return [
                  <tr key={device.deviceId} data-device={device.deviceId}>
                    <td>{t(`admin.device.kind.${device.kind}`)}</td>
                    <td className="admin-mono">{device.deviceId}</td>
                    <td className="admin-wrap">{device.name ?? '—'}</td>
                    <td>{device.windowNo === null ? '—' : t('admin.window.noShort', { no: device.windowNo })}</td>
                    <td className="admin-num">{seen(device.lastSeenAt)}</td>
                    <td>
                      <span className={`admin-badge ${device.online ? 'admin-badge-ok' : 'admin-badge-off'}`}>{t(device.online ? 'admin.device.online' : 'admin.device.offline')}</span>
                    </td>
                    <td className="admin-faults admin-wrap">{device.faults.length === 0 ? '—' : device.faults.map((fault) => deviceFaultText(fault, locale)).join('；')}</td>
                    <td className="admin-row-buttons">
                      {editable && (
                        <>
                          <button type="button" className="office-secondary admin-small" aria-expanded={open} onClick={() => setEditing(open ? null : { deviceId: device.deviceId })}>
                            {t(device.kind === 'kiosk' ? 'admin.device.rename' : 'admin.device.bind')}
                          </button>
                          <button type="button" className="admin-danger admin-small" disabled={action.busy} onClick={() => void remove(device)}>
                            {t('admin.remove')}
                          </button>
                        </>
                      )}
                    </td>
                  </tr>,
                  open && (
                    <tr key={`${device.deviceId}-edit`} className="admin-edit-row">
                      <td colSpan={8}>
                        <DeviceForm
                          kind={device.kind === 'kiosk' ? 'kiosk' : 'pad'}
                          device={device}
                          windows={setup?.windows.map((w) => ({ no: w.no, name: w.name })) ?? []}
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
  device: AdminDeviceView | null;
  windows: readonly { no: number; name: string }[];
  onSaved(text: string): Promise<void>;
  onCancel(): void;
}

/** A kiosk's place, or the window a pad faces (and its name): saved as one PUT. */
function DeviceForm({ kind, device, windows, onSaved, onCancel }: FormProps) {
  const { t } = useT();
  const { admin } = useAdmin();
  const [deviceId, setDeviceId] = useState(device?.deviceId ?? '');
  const [name, setName] = useState(device?.name ?? '');
  const [windowNo, setWindowNo] = useState(device?.windowNo === null || device === null ? '' : String(device.windowNo));
  const form = useAdminForm({
    schema: AdminDeviceBody,
    body: () =>
      kind === 'kiosk'
        ? { kind, name: name.trim() }
        : { kind, ...(name.trim() ? { name: name.trim() } : {}), windowNo: windowNo === '' ? Number.NaN : Number(windowNo) },
    rules,
    codes: { WINDOW_NOT_FOUND: 'windowNo', DEVICE_NOT_FOUND: 'deviceId' },
    check: () => (device || deviceId.trim() ? {} : { deviceId: t('admin.device.idRule') }),
    send: async (valid) => {
      const id = device?.deviceId ?? deviceId.trim();
      await admin.saveDevice(id, valid);
      await onSaved(t('admin.device.saved', { what: valid.name ?? id }));
    },
  });
  return (
    <form className="admin-inline-form" onSubmit={form.submit} noValidate aria-label={t(device ? 'admin.device.editor' : 'admin.device.addKiosk')}>
      {!device && (
        <Field name="deviceId" label={t('admin.device.id')} hint={t('admin.device.idHint')} error={form.fields.deviceId}>
          {(control) => <input {...control} value={deviceId} autoFocus onChange={(e) => setDeviceId(e.target.value)} />}
        </Field>
      )}
      <Field name="name" label={t(kind === 'kiosk' ? 'admin.device.place' : 'admin.device.padName')} error={form.fields.name}>
        {(control) => <input {...control} value={name} autoFocus={Boolean(device)} onChange={(e) => setName(e.target.value)} />}
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
