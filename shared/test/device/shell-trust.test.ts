import { describe, expect, it } from 'vitest';
import { DEVICE_CREDENTIAL_CHANNEL } from '../../src/device/device-credential';
import {
  CERT_ACCEPT,
  CERT_CHROMIUM,
  CERT_REFUSE,
  certificateMatches,
  certificateVerdict,
  configWithCredential,
  keepPairedCredential,
  pinServerCertificate,
  withoutCredential,
  type CredentialKeeping,
} from '../../src/device/shell-trust';

// The Electron shells' trust rules, without Electron: the pinned certificate, and the credential
// a newly paired page hands back to be kept in the device config.

declare const btoa: (data: string) => string;
const base64 = (hex: string) => btoa(String.fromCharCode(...hex.match(/../g)!.map((pair) => parseInt(pair, 16))));

const HEX = '3a1f5c9e22b07d418e6fc3900a5bd217e488319c6d02afb547e12c9370de5b16';
const COLONS = HEX.toUpperCase().match(/../g)!.join(':');
/** The same fingerprint as Electron's Certificate.fingerprint writes it. */
const ELECTRON = `sha256/${base64(HEX)}`;
const OTHER = `sha256/${base64('00'.repeat(32))}`;
const TOKEN = `hqd_${'t'.repeat(43)}`;

describe('the pinned server certificate', () => {
  it('matches the same fingerprint however it is written, and nothing else', () => {
    expect(certificateMatches(COLONS, ELECTRON)).toBe(true);
    expect(certificateMatches(HEX, COLONS)).toBe(true);
    expect(certificateMatches(COLONS, OTHER)).toBe(false);
    expect(certificateMatches(COLONS, 'sha1/abc')).toBe(false);
    expect(certificateMatches('not a fingerprint', 'not a fingerprint')).toBe(false);
  });

  it('refuses the hall server showing another certificate, accepts its own, leaves other hosts and unpinned shells to Chromium', () => {
    const pinned = { serverUrl: 'https://192.168.1.10:8443', serverCertSha256: COLONS };
    expect(certificateVerdict(pinned, { hostname: '192.168.1.10', fingerprint: ELECTRON })).toBe(CERT_ACCEPT);
    expect(certificateVerdict(pinned, { hostname: '192.168.1.10', fingerprint: OTHER })).toBe(CERT_REFUSE);
    expect(certificateVerdict(pinned, { hostname: 'example.org', fingerprint: OTHER })).toBe(CERT_CHROMIUM);
    expect(certificateVerdict({ serverUrl: 'https://192.168.1.10:8443' }, { hostname: '192.168.1.10', fingerprint: OTHER })).toBe(CERT_CHROMIUM);
  });

  it('is what the session checks every certificate with', () => {
    let proc: Parameters<Parameters<typeof pinServerCertificate>[0]['setCertificateVerifyProc']>[0] | null = null;
    pinServerCertificate({ setCertificateVerifyProc: (p) => (proc = p) }, { serverUrl: 'https://hall.local', serverCertSha256: HEX });
    const verdicts: number[] = [];
    proc!({ hostname: 'hall.local', certificate: { fingerprint: OTHER } }, (v) => verdicts.push(v));
    proc!({ hostname: 'hall.local', certificate: { fingerprint: ELECTRON } }, (v) => verdicts.push(v));
    expect(verdicts).toEqual([CERT_REFUSE, CERT_ACCEPT]);
  });
});

describe('the credential a paired page hands to the shell', () => {
  const config = '{\n  "serverUrl": "http://192.168.1.10:8080",\n  "deviceId": "kiosk-01",\n  "mode": "kiosk"\n}\n';

  function shell(files: Record<string, string>) {
    let handler: ((event: { senderFrame: { url: string } | null }, token: unknown) => unknown) | null = null;
    const modes: number[] = [];
    const keeping: CredentialKeeping = {
      ipc: { handle: (channel, listener) => channel === DEVICE_CREDENTIAL_CHANNEL && (handler = listener) },
      serverUrl: 'http://192.168.1.10:8080',
      configFile: '/etc/hall/device-config.json',
      fs: {
        readFileSync: (file) => files[file]!,
        writeFileSync: (file, text, options) => {
          files[file] = text;
          modes.push(options.mode);
        },
        renameSync: (from, to) => {
          files[to] = files[from]!;
          delete files[from];
        },
      },
    };
    keepPairedCredential(keeping);
    return { files, modes, hand: (url: string | null, token: unknown) => handler!(url === null ? { senderFrame: null } : { senderFrame: { url } }, token) };
  }

  it('is written into the device config, every other field kept, by a whole file renamed over it', () => {
    const { files, modes, hand } = shell({ '/etc/hall/device-config.json': config });
    hand('http://192.168.1.10:8080/kiosk', TOKEN);
    expect(Object.keys(files)).toEqual(['/etc/hall/device-config.json']);
    expect(JSON.parse(files['/etc/hall/device-config.json']!)).toEqual({ serverUrl: 'http://192.168.1.10:8080', deviceId: 'kiosk-01', mode: 'kiosk', credential: TOKEN });
    expect(modes).toEqual([0o600]);
  });

  it('is taken only from the hall server’s pages, and only as a credential', () => {
    const { files, hand } = shell({ '/etc/hall/device-config.json': config });
    expect(() => hand('http://evil.example/kiosk', TOKEN)).toThrow(/only the hall server/);
    expect(() => hand(null, TOKEN)).toThrow(/only the hall server/);
    expect(() => hand('http://192.168.1.10:8080/kiosk', 'not-a-token')).toThrow();
    expect(files['/etc/hall/device-config.json']).toBe(config);
  });

  it('replaces an earlier one, and never reaches the page asking for the device config', () => {
    expect(JSON.parse(configWithCredential(JSON.stringify({ mode: 'pad', credential: 'old' }), TOKEN))).toEqual({ mode: 'pad', credential: TOKEN });
    expect(withoutCredential({ mode: 'pad', credential: TOKEN })).toEqual({ mode: 'pad' });
  });
});
