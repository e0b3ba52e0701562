import { useState } from 'react';
import { ApprovePairingBody, deviceLink, DeviceKind, EnrolDeviceBody, localTime, WINDOW_BOUND_KINDS, type EnrolDeviceReply, type PendingPairing } from '@hall/shared';
import { Problem, useT } from '@hall/shared/ui';
import { useAdmin } from './admin-context';
import { Field } from './Field';
import type { FieldRules } from './field-errors';
import { useAdminForm } from './use-admin-form';

// Pairing a new device (issue 15): the devices waiting with their codes, the form that says what
// a device is (approving its code, or enrolling it directly), and a direct enrolment's address
// with its credential, shown once.

const rules: FieldRules = { code: 'admin.pair.codeRule', name: 'admin.device.nameRule', windowNo: 'admin.pair.windowRule' };

/** What the form is for: a code read off a device (given by its pending request, or typed), or a direct enrolment. */
export type PairMode = { kind: 'code'; pending: PendingPairing | null } | { kind: 'enrol' };

/** The devices showing a pairing code now, each with 配对. */
export function PendingPairings({ pairings, timezone, onPair }: { pairings: readonly PendingPairing[]; timezone: string; onPair(pending: PendingPairing): void }) {
  const { t } = useT();
  return (
    <section className="admin-pending" aria-label={t('admin.pair.pendingTitle')} data-testid="pending-pairings">
      <h3>{t('admin.pair.pendingTitle')}</h3>
      {pairings.length === 0 ? (
        <p className="admin-empty">{t('admin.pair.noPending')}</p>
      ) : (
        <ul>
          {pairings.map((p) => (
            <li key={p.code} data-code={p.code}>
              <span className="admin-pending-code">{p.code}</span>
              <span className="admin-wrap">{t('admin.pair.asked', { what: asWhat(t, p.kind, p.windowNo), address: p.address, time: localTime(Date.parse(p.requestedAt), timezone) })}</span>
              <button type="button" className="office-primary" onClick={() => onPair(p)}>
                {t('admin.pair.pair')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

type T = ReturnType<typeof useT>['t'];
const asWhat = (t: T, kind: DeviceKind, windowNo: number | null) =>
  windowNo === null ? t(`admin.device.kind.${kind}`) : t('pairing.windowAs', { windowNo, kind: t(`admin.device.kind.${kind}`) });

interface FormProps {
  mode: PairMode;
  windows: readonly { no: number; name: string }[];
  onPaired(text: string): Promise<void>;
  onEnrolled(enrolled: EnrolDeviceReply): Promise<void>;
  onCancel(): void;
}

/** What the device is: its kind, its window (a pad's, a window screen's) and a name; for a typed code, the code. */
export function PairDeviceForm({ mode, windows, onPaired, onEnrolled, onCancel }: FormProps) {
  const { t } = useT();
  const { admin } = useAdmin();
  const pending = mode.kind === 'code' ? mode.pending : null;
  const [code, setCode] = useState(pending?.code ?? '');
  const [kind, setKind] = useState<DeviceKind>(pending?.kind ?? 'hall-screen');
  const [windowNo, setWindowNo] = useState(pending?.windowNo == null ? '' : String(pending.windowNo));
  const [name, setName] = useState(pending ? asWhat(t, pending.kind, pending.windowNo) : '');
  const bound = WINDOW_BOUND_KINDS.includes(kind);
  const role = () => ({ kind, name: name.trim(), ...(bound ? { windowNo: windowNo === '' ? Number.NaN : Number(windowNo) } : {}) });
  const form = useAdminForm({
    schema: mode.kind === 'code' ? ApprovePairingBody : EnrolDeviceBody,
    body: () => (mode.kind === 'code' ? { code: code.trim(), ...role() } : role()),
    rules,
    codes: { PAIRING_NOT_FOUND: 'code', WINDOW_NOT_FOUND: 'windowNo' },
    send: async (valid) => {
      // The schema was ApprovePairingBody's exactly when the form is for a code.
      if (mode.kind === 'code') {
        const { device } = await admin.approvePairing(valid as ApprovePairingBody);
        await onPaired(t('admin.pair.paired', { what: device.name }));
      } else await onEnrolled(await admin.enrolDevice(valid as EnrolDeviceBody));
    },
  });
  const title = mode.kind === 'enrol' ? t('admin.pair.enrolTitle') : pending ? t('admin.pair.pairTitle', { code: pending.code }) : t('admin.pair.enterCode');
  return (
    <form className="admin-inline-form admin-pair-form" onSubmit={form.submit} noValidate aria-label={title} data-testid="pair-form">
      <h3 className="admin-pair-title">{title}</h3>
      {mode.kind === 'code' && !pending && (
        <Field name="code" label={t('admin.pair.code')} error={form.fields.code}>
          {(control) => <input {...control} className="admin-pair-code-input" inputMode="numeric" maxLength={6} value={code} autoFocus onChange={(e) => setCode(e.target.value)} />}
        </Field>
      )}
      <Field name="kind" label={t('admin.pair.kind')} error={form.fields.kind}>
        {(control) => (
          <select {...control} value={kind} onChange={(e) => setKind(DeviceKind.parse(e.target.value))}>
            {DeviceKind.options.map((k) => (
              <option key={k} value={k}>
                {t(`admin.device.kind.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {bound && (
        <Field name="windowNo" label={t('admin.pair.window')} error={form.fields.windowNo}>
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
      <Field name="name" label={t('admin.pair.name')} error={form.fields.name}>
        {(control) => <input {...control} value={name} autoFocus={pending !== null || mode.kind === 'enrol'} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <div className="admin-form-buttons">
        <Problem page="office" problem={form.problem} testId="form-problem" />
        <button type="button" className="office-secondary" onClick={onCancel}>
          {t('admin.cancel')}
        </button>
        <button type="submit" className="office-primary" disabled={form.busy}>
          {mode.kind === 'enrol' ? t('admin.pair.enrol') : t('admin.pair.pair')}
        </button>
      </div>
    </form>
  );
}

/** A direct enrolment's ready-to-open address: the credential is in it, and it is shown this once. */
export function EnrolledOnce({ enrolled, onClose }: { enrolled: EnrolDeviceReply; onClose(): void }) {
  const { t } = useT();
  const [copied, setCopied] = useState(false);
  const link = deviceLink(window.location.origin, enrolled.device, enrolled.token);
  const copy = () =>
    navigator.clipboard.writeText(link).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  return (
    <section className="admin-once" role="alert" data-testid="enrolled-once">
      <p className="admin-once-title">{t('admin.pair.onceTitle', { what: enrolled.device.name })}</p>
      <input className="admin-once-link admin-mono" readOnly value={link} aria-label={t('admin.pair.onceTitle', { what: enrolled.device.name })} data-testid="enrolled-link" onFocus={(e) => e.target.select()} />
      <p className="admin-once-warning">{t('admin.pair.onceWarning')}</p>
      <div className="admin-form-buttons">
        <button type="button" className="office-secondary" onClick={() => void copy()}>
          {copied ? t('admin.pair.copied') : t('admin.pair.copy')}
        </button>
        <button type="button" className="office-primary" onClick={onClose}>
          {t('admin.pair.close')}
        </button>
      </div>
    </section>
  );
}
