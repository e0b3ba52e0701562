import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { apiFailure } from '../client/api-failure';
import { ApiError, createApiClient, type ApiClient } from '../client/api-client';
import { backoffMs } from '../client/retry';
import {
  addressWithoutCredential,
  credentialKey,
  DEVICE_CREDENTIAL_BRIDGE,
  fragmentCredential,
  pageElsewhere,
  type DeviceCredentialBridge,
} from '../device/device-credential';
import { t, type Locale } from '../i18n/index';
import type { DeviceKind } from '../schemas/admin';
import { DeviceSelfReply, PairingRequestReply, PairingStatusReply, type EnrolledDevice } from '../schemas/trust';

// A device page's credential (issue 15), for the kiosk, the pad and both screens: taken from the
// address's fragment once (then off the address bar), kept in the page's storage, checked with
// the server on start. Without one, or with one an administrator revoked, the page shows only
// the pairing screen, until an administrator approves its code. A server that cannot be reached
// is asked again: the credential is dropped for UNAUTHORIZED or DEVICE_REVOKED only, so a paired
// device never goes dark for a network fault. The page inside gets the device and an API client
// that sends the credential and brings the page back here when the server refuses it.

export interface DeviceSession {
  device: EnrolledDevice;
  token: string;
  /** Sends the credential with every request; a refusal of it sends the page back to pairing. */
  api: ApiClient;
  /** The socket refused or closed the connection: asks the server whether the device is still paired. */
  recheck(): void;
}

const DeviceContext = createContext<DeviceSession | null>(null);

/** The device a page inside DeviceGate is, with its credential and API client. */
export function useDevice(): DeviceSession {
  const session = useContext(DeviceContext);
  if (session === null) throw new Error('useDevice outside DeviceGate');
  return session;
}

type GateState =
  | { kind: 'checking'; token: string; retrying: boolean }
  | { kind: 'paired'; device: EnrolledDevice; token: string }
  | { kind: 'pairing'; notice: string | null }
  | { kind: 'elsewhere'; device: EnrolledDevice; path: string };

interface PageSide {
  location: { pathname: string; search: string; hash: string; assign(url: string): void };
  history: { replaceState(data: unknown, unused: string, url: string): void };
  localStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void; removeItem(key: string): void };
}

const page = () => globalThis as unknown as PageSide & Partial<Record<typeof DEVICE_CREDENTIAL_BRIDGE, DeviceCredentialBridge>>;

/**
 * How often a paired page asks whether it still is: an idle pad or a screen may send nothing
 * the server could refuse, and must still leave the hall's work once revoked.
 */
const RECHECK_MS = 30_000;
/** How often a page showing its code asks whether it has been paired. */
const PAIRING_POLL_MS = 2000;
const REFUSALS: ReadonlySet<string> = new Set(['UNAUTHORIZED', 'DEVICE_REVOKED']);

/** The credential the address brings (kept, and taken off the address bar), else the one kept before. */
function takeCredential(kind: DeviceKind): string | null {
  const { location, history, localStorage } = page();
  const brought = fragmentCredential(location.hash);
  if (brought !== null) {
    localStorage.setItem(credentialKey(kind), brought);
    history.replaceState(null, '', addressWithoutCredential(location));
    return brought;
  }
  return localStorage.getItem(credentialKey(kind));
}

/** Keeps a credential under its device's kind; an Electron shell keeps it in its device config too. */
function keepCredential(device: EnrolledDevice, token: string, pageKind: DeviceKind): void {
  const { localStorage } = page();
  if (device.kind !== pageKind) localStorage.removeItem(credentialKey(pageKind));
  localStorage.setItem(credentialKey(device.kind), token);
  void page()[DEVICE_CREDENTIAL_BRIDGE]?.keep(token).catch(() => undefined);
}

export interface DeviceGateProps {
  kind: DeviceKind;
  /** The window the page's address names (a pad's, a window screen's), null for the others. */
  windowNo?: number | null;
  locale?: Locale;
  children: ReactNode;
}

/** Wraps a device page's root, inside ServerGate: draws `children` for a paired device, else the pairing screen. */
export function DeviceGate({ kind, windowNo = null, locale = 'zh-CN', children }: DeviceGateProps) {
  const [state, setState] = useState<GateState>(() => {
    const token = takeCredential(kind);
    return token === null ? { kind: 'pairing', notice: null } : { kind: 'checking', token, retrying: false };
  });
  const [recheckOf, setRecheckOf] = useState(0);

  const paired = (device: EnrolledDevice, token: string) => {
    const path = pageElsewhere(device, { kind, windowNo });
    // A recheck that finds the device as it was leaves the page as it is.
    setState((s) =>
      s.kind === 'paired' && s.token === token && JSON.stringify(s.device) === JSON.stringify(device)
        ? s
        : path === null
          ? { kind: 'paired', device, token }
          : { kind: 'elsewhere', device, path },
    );
  };
  const refused = (code: string) => {
    page().localStorage.removeItem(credentialKey(kind));
    setState({ kind: 'pairing', notice: code === 'DEVICE_REVOKED' ? t(locale, 'error.DEVICE_REVOKED') : null });
  };

  // On start, and whenever the server refused the credential somewhere: is it still taken?
  const token = state.kind === 'checking' || state.kind === 'paired' ? state.token : null;
  useEffect(() => {
    if (token === null || (state.kind === 'paired' && recheckOf === 0)) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const attempt = (n: number) =>
      createApiClient()
        .request('GET', '/api/devices/self', DeviceSelfReply, { token, locale })
        .then(
          ({ device }) => {
            if (stopped) return;
            if (device.kind !== kind) keepCredential(device, token, kind);
            paired(device, token);
          },
          (error: unknown) => {
            if (stopped) return;
            const failure = apiFailure(error);
            if (REFUSALS.has(failure.code)) return refused(failure.code);
            // Anything else (no network, the server restarting): keep the credential, ask again.
            setState((s) => (s.kind === 'checking' ? { ...s, retrying: true } : s));
            timer = setTimeout(() => attempt(n + 1), backoffMs(n));
          },
        );
    void attempt(0);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
    // The check runs for a credential found, and for each recheck asked; the rest is read fresh.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [token, recheckOf]);

  const isPaired = state.kind === 'paired';
  useEffect(() => {
    if (!isPaired) return;
    const timer = setInterval(() => setRecheckOf((n) => n + 1), RECHECK_MS);
    return () => clearInterval(timer);
  }, [isPaired]);

  const session = useMemo<DeviceSession | null>(() => {
    if (state.kind !== 'paired') return null;
    const onRefused = (error: ApiError) => (error.code === 'DEVICE_REVOKED' ? refused(error.code) : setRecheckOf((n) => n + 1));
    return { device: state.device, token: state.token, api: createApiClient('', undefined, { token: state.token, onRefused }), recheck: () => setRecheckOf((n) => n + 1) };
    // A new session only for a new credential or device.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state.kind === 'paired' ? state.token : null, state.kind === 'paired' ? state.device : null]);

  if (session !== null) return <DeviceContext.Provider value={session}>{children}</DeviceContext.Provider>;
  switch (state.kind) {
    case 'checking':
      return (
        <div className="boot-connecting" role="status" data-testid="device-checking" lang={locale}>
          <p className="boot-connecting-title">{t(locale, 'pairing.checking')}</p>
          {state.retrying && <p className="boot-connecting-retry">{t(locale, 'boot.connecting')}</p>}
        </div>
      );
    case 'elsewhere':
      return (
        <div className="pairing" role="alert" data-testid="device-elsewhere" lang={locale}>
          <p className="pairing-title">{t(locale, 'pairing.elsewhere', { name: state.device.name })}</p>
          <button type="button" className="pairing-go" onClick={() => page().location.assign(state.path)}>
            {t(locale, 'pairing.openOwnPage')} {state.path}
          </button>
        </div>
      );
    default:
      return (
        <PairingScreen
          kind={kind}
          windowNo={windowNo}
          locale={locale}
          notice={state.kind === 'pairing' ? state.notice : null}
          onPaired={(device, token) => {
            keepCredential(device, token, kind);
            const path = pageElsewhere(device, { kind, windowNo });
            // Paired as another device than this address shows: go to its own page, which finds the credential kept.
            if (path !== null) page().location.assign(path);
            else paired(device, token);
          }}
        />
      );
  }
}

interface PairingScreenProps {
  kind: DeviceKind;
  windowNo: number | null;
  locale: Locale;
  notice: string | null;
  onPaired(device: EnrolledDevice, token: string): void;
}

/** The big code and what the administrator does with it; asks for a code, then whether it is paired, until it is. */
function PairingScreen({ kind, windowNo, locale, notice, onPaired }: PairingScreenProps) {
  const [code, setCode] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    const api = createApiClient();
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let pairingId: string | null = null;
    let failures = 0;
    const later = (ms: number) => {
      timer = setTimeout(() => void step(), ms);
    };
    const step = async () => {
      try {
        if (pairingId === null) {
          const body = windowNo === null ? { kind } : { kind, windowNo };
          const asked = await api.request('POST', '/api/pairings', PairingRequestReply, { body, locale });
          if (stopped) return;
          pairingId = asked.pairingId;
          setCode(asked.code);
        } else {
          const status = await api.request('GET', `/api/pairings/${pairingId}`, PairingStatusReply, { locale });
          if (stopped) return;
          if (status.status === 'paired') return onPaired(status.device, status.token);
          // Expired (or the server restarted and forgot it): a new code.
          if (status.status === 'expired') pairingId = null;
        }
        failures = 0;
        setProblem(null);
        later(pairingId === null ? 0 : PAIRING_POLL_MS);
      } catch (error) {
        if (stopped) return;
        const failure = apiFailure(error);
        setProblem(failure.kind === 'answered' ? failure.message : t(locale, 'boot.connecting'));
        later(Math.max(PAIRING_POLL_MS, backoffMs(failures++)));
      }
    };
    void step();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
    // One pairing per screen shown; what it is asked as comes from the page's address.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [kind, windowNo]);

  const kindName = t(locale, `admin.device.kind.${kind}`);
  const what = windowNo === null ? kindName : t(locale, 'pairing.windowAs', { windowNo, kind: kindName });
  return (
    <div className="pairing" data-testid="pairing" lang={locale}>
      {notice !== null && (
        <p className="pairing-notice" role="alert" data-testid="pairing-notice">
          {notice}
        </p>
      )}
      <p className="pairing-title">{t(locale, 'pairing.titleAs', { what })}</p>
      <p className="pairing-label">{t(locale, 'pairing.codeLabel')}</p>
      <p className="pairing-code" data-testid="pairing-code" aria-live="polite">
        {code ?? '······'}
      </p>
      <p className="pairing-steps">{code === null ? t(locale, 'pairing.requesting') : t(locale, 'pairing.steps')}</p>
      {code !== null && <p className="pairing-steps">{t(locale, 'pairing.stepsThen')}</p>}
      {code !== null && <p className="pairing-waiting">{t(locale, 'pairing.waiting')}</p>}
      {problem !== null && (
        <p className="pairing-problem" role="status" data-testid="pairing-problem">
          {problem}
        </p>
      )}
    </div>
  );
}
