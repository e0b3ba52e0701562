import { z } from 'zod';
import { DeviceToken } from '../schemas/trust';
import { TOKEN_FRAGMENT_PARAM } from './device-page';
import { DEVICE_CREDENTIAL_CHANNEL } from './device-credential';
import { hostnameOf, isAllowedNavigation } from './navigation';

// What the Electron shells do about trust (issue 15): the device config may carry the device's
// credential (the shell opens its page with it in the fragment, and a page newly paired hands
// it back to be written into the same file) and the SHA-256 fingerprint of the hall server's own
// certificate (with an https serverUrl): a server showing any other certificate is refused. The
// Electron parts are passed in (their shapes below), so the rules are tested without Electron.

/** `credential`: the device's credential, as the admin page's 直接登记 shows it, or written by the shell once paired. */
export const DeviceCredentialField = z.string().refine((text) => DeviceToken.safeParse(text).success, {
  error: '应为管理后台登记设备时给出的设备凭证（hqd_ 开头的 47 个字符）',
});

const FINGERPRINT = /^(?:[0-9A-Fa-f]{2}:){31}[0-9A-Fa-f]{2}$|^[0-9A-Fa-f]{64}$/;
/** `serverCertSha256`: as `openssl x509 -noout -fingerprint -sha256` prints it (colons optional). */
export const ServerCertSha256 = z.string().trim().regex(FINGERPRINT, { error: '应为服务器证书的 SHA-256 指纹：64 位十六进制数字，可用冒号分隔' });

export const DEVICE_TRUST_LABELS: Readonly<Record<string, string>> = {
  credential: '设备凭证',
  serverCertSha256: '服务器证书指纹（SHA-256）',
};

/** A pinned certificate only means something over https: said at the field, with the rest of the file's problems. */
export function checkPinnedServer(config: { serverUrl?: unknown; serverCertSha256?: unknown }, ctx: z.RefinementCtx): void {
  if (config.serverCertSha256 !== undefined && typeof config.serverUrl === 'string' && !config.serverUrl.startsWith('https://')) {
    ctx.addIssue({ code: 'custom', path: ['serverCertSha256'], message: '只有 https:// 开头的服务器地址才能固定证书指纹' });
  }
}

/** The page's address, with the credential in its fragment when the device has one. */
export function withCredential(pageUrl: string, credential: string | undefined): string {
  return credential === undefined ? pageUrl : `${pageUrl}#${TOKEN_FRAGMENT_PARAM}=${credential}`;
}

/** A fingerprint as lower-case hex: from hex (colons or not) or Electron's `sha256/<base64>`. */
export function fingerprintHex(text: string): string | null {
  const trimmed = text.trim();
  if (FINGERPRINT.test(trimmed)) return trimmed.replaceAll(':', '').toLowerCase();
  const base64 = /^sha256\/([A-Za-z0-9+/]{43}=)$/.exec(trimmed)?.[1];
  if (base64 === undefined) return null;
  const bytes = base64ToBytes(base64);
  return bytes.length === 32 ? bytes.map((b) => b.toString(16).padStart(2, '0')).join('') : null;
}

/** Whether a certificate's fingerprint is the pinned one. */
export function certificateMatches(pinned: string, fingerprint: string): boolean {
  const want = fingerprintHex(pinned);
  return want !== null && want === fingerprintHex(fingerprint);
}

/** Chromium's answers to a certificate check: accept, refuse, or its own verification. */
export const CERT_ACCEPT = 0;
export const CERT_REFUSE = -2;
export const CERT_CHROMIUM = -3;

/** The shell's rule for a certificate: the hall server's must be the pinned one (trusted by no CA, it is accepted for that alone). */
export function certificateVerdict(config: { serverUrl: string; serverCertSha256?: string | undefined }, request: { hostname: string; fingerprint: string }): number {
  if (config.serverCertSha256 === undefined || request.hostname !== hostnameOf(config.serverUrl)) return CERT_CHROMIUM;
  return certificateMatches(config.serverCertSha256, request.fingerprint) ? CERT_ACCEPT : CERT_REFUSE;
}

/** The part of Electron's session the pin needs. */
export interface CertificateSession {
  setCertificateVerifyProc(proc: (request: { hostname: string; certificate: { fingerprint: string } }, callback: (verdict: number) => void) => void): void;
}

export function pinServerCertificate(session: CertificateSession, config: { serverUrl: string; serverCertSha256?: string | undefined }): void {
  session.setCertificateVerifyProc((request, callback) => callback(certificateVerdict(config, { hostname: request.hostname, fingerprint: request.certificate.fingerprint })));
}

/** The device config's text with the credential set: every other field stays as it was. */
export function configWithCredential(text: string, credential: string): string {
  const config = JSON.parse(text) as Record<string, unknown>;
  return `${JSON.stringify({ ...config, credential }, null, 2)}\n`;
}

/** The parts of Electron's ipcMain and of node:fs keeping a paired credential needs. */
export interface CredentialKeeping {
  ipc: { handle(channel: string, listener: (event: { senderFrame: { url: string } | null }, token: unknown) => unknown): void };
  serverUrl: string;
  configFile: string;
  fs: {
    readFileSync(file: string, encoding: 'utf8'): string;
    writeFileSync(file: string, text: string, options: { mode: number }): void;
    renameSync(from: string, to: string): void;
  };
}

/**
 * A page of the hall server hands a newly paired credential: it is written into the device
 * config, for the next start. The file is written whole beside it and renamed over it, so a
 * power cut leaves the old file or the new one, never half of one; only its owner reads it.
 */
export function keepPairedCredential({ ipc, serverUrl, configFile, fs }: CredentialKeeping): void {
  ipc.handle(DEVICE_CREDENTIAL_CHANNEL, (event, token) => {
    if (event.senderFrame === null || !isAllowedNavigation(event.senderFrame.url, serverUrl)) throw new Error('only the hall server’s pages may ask this');
    const text = configWithCredential(fs.readFileSync(configFile, 'utf8'), DeviceToken.parse(token));
    fs.writeFileSync(`${configFile}.new`, text, { mode: 0o600 });
    fs.renameSync(`${configFile}.new`, configFile);
  });
}

/** The device config as a page may read it: the credential stays in the shell. */
export function withoutCredential<C extends { credential?: string | undefined }>(config: C): Omit<C, 'credential'> {
  const shown: Partial<C> = { ...config };
  delete shown.credential;
  return shown as Omit<C, 'credential'>;
}

declare const atob: (data: string) => string;
function base64ToBytes(base64: string): number[] {
  return Array.from(atob(base64), (c) => c.charCodeAt(0));
}
