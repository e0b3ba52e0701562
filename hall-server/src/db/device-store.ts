import { EnrolledDevice, type DeviceKind } from '@hall/shared';
import type { DeviceChange } from '../domain/outcome';
import type { Db } from './connection';

// The devices' credentials (issue 15): only each token's hash, bound to the device id. What a
// device is (kind, window, name) is the hall state's and written here with every command that
// changes it; the credential rows are written by the runtime, which alone sees a token.

interface CredentialRow {
  device_id: string;
  kind: DeviceKind;
  window_no: number | null;
  name: string;
}

export interface NewCredential {
  device: EnrolledDevice;
  tokenHash: string;
  /** The demo hall's own demo devices only: the token itself, for its start banner. */
  demoToken: string | null;
  by: string | null;
  at: number;
}

export class DeviceStore {
  private readonly statements;

  constructor(private readonly db: Db) {
    this.statements = {
      insert: db.prepare(
        `INSERT INTO device_credentials (device_id, kind, window_no, name, token_hash, demo_token, enrolled_at, enrolled_by)
         VALUES (@deviceId, @kind, @windowNo, @name, @tokenHash, @demoToken, @at, @by)`,
      ),
      update: db.prepare(`UPDATE device_credentials SET kind = @kind, window_no = @windowNo, name = @name WHERE device_id = @deviceId AND revoked_at IS NULL`),
      revoke: db.prepare(`UPDATE device_credentials SET revoked_at = @at, demo_token = NULL WHERE device_id = @deviceId AND revoked_at IS NULL`),
      byTokenHash: db.prepare(`SELECT device_id, revoked_at FROM device_credentials WHERE token_hash = ?`),
      demoTokens: db.prepare(`SELECT device_id, demo_token FROM device_credentials WHERE revoked_at IS NULL AND demo_token IS NOT NULL ORDER BY id`),
    };
  }

  /** The devices holding a live credential, for the hall's state at start. */
  live(): Map<string, EnrolledDevice> {
    const rows = this.db.prepare(`SELECT device_id, kind, window_no, name FROM device_credentials WHERE revoked_at IS NULL ORDER BY id`).all() as CredentialRow[];
    return new Map(rows.map((r) => [r.device_id, EnrolledDevice.parse({ id: r.device_id, kind: r.kind, windowNo: r.window_no, name: r.name })]));
  }

  /** What a command changed: a device's binding, or its credential revoked (before a new one of it is inserted). */
  save(changes: readonly DeviceChange[], at: number): void {
    for (const { device, revoked } of changes) {
      if (revoked) this.statements.revoke.run({ deviceId: device.id, at });
      else this.statements.update.run({ deviceId: device.id, kind: device.kind, windowNo: device.windowNo, name: device.name });
    }
  }

  /** A new credential; a live one of the same device is revoked first (re-pairing). */
  insert(credential: NewCredential): void {
    const { device } = credential;
    this.statements.revoke.run({ deviceId: device.id, at: credential.at });
    this.statements.insert.run({ deviceId: device.id, kind: device.kind, windowNo: device.windowNo, name: device.name, tokenHash: credential.tokenHash, demoToken: credential.demoToken, at: credential.at, by: credential.by });
  }

  /** The device a token's hash belongs to, and whether its credential was revoked; null if none. */
  byTokenHash(tokenHash: string): { deviceId: string; revoked: boolean } | null {
    const row = this.statements.byTokenHash.get(tokenHash) as { device_id: string; revoked_at: number | null } | undefined;
    return row ? { deviceId: row.device_id, revoked: row.revoked_at !== null } : null;
  }

  /** Whether any device was ever enrolled (a revoked one too): the demo hall enrols its own only into an empty list. */
  everEnrolled(): boolean {
    return this.db.prepare(`SELECT 1 FROM device_credentials LIMIT 1`).get() !== undefined;
  }

  /** The demo hall's demo devices and their tokens, for the start banner. */
  demoTokens(): { deviceId: string; token: string }[] {
    return (this.statements.demoTokens.all() as { device_id: string; demo_token: string }[]).map((r) => ({ deviceId: r.device_id, token: r.demo_token }));
  }
}
