import { describe, expect, it } from 'vitest';
import { DEVICE_OFFLINE_GRACE_MS, hallAlerts, type HallWatch } from '../../src/format/hall-alerts';
import type { OfficeLiveReply } from '../../src/schemas/office-live';
import type { WindowView } from '../../src/schemas/views';

function window(no: number, categories: string[], state: WindowView['state'], extra: Partial<WindowView> = {}): WindowView {
  return { no, name: `${no}号窗口`, department: '', categories, routing: 'fifo', state, pauseReason: null, pauseUntil: null, servingNumber: null, staff: null, extendedService: false, ...extra };
}

// 10:00 in the hall (Asia/Shanghai), which opens at 09:00.
const hall = { timezone: 'Asia/Shanghai', openingHours: { open: '09:00' } };
const NOW = Date.parse('2026-11-25T02:00:00Z');
const MINUTE = 60_000;
const ago = (ms: number) => new Date(NOW - ms).toISOString();

function live(extra: Partial<OfficeLiveReply> = {}): OfficeLiveReply {
  return { at: ago(0), waitTargetMinutes: 30, pauseLimitMinutes: 20, windows: [], queues: [], devices: [], ...extra };
}

function watch(extra: Partial<HallWatch>): HallWatch {
  return { now: NOW, hall, windows: [], waiting: [], live: live(), ...extra };
}

describe('hallAlerts', () => {
  it('raises a queue with people and no open window, naming the serving windows to open', () => {
    const windows = [window(5, ['B'], 'closed'), window(2, ['A', 'B'], 'paused'), window(1, ['A'], 'open')];
    const alerts = hallAlerts(watch({ windows, waiting: [{ code: 'A', waiting: 3 }, { code: 'B', waiting: 2 }, { code: 'C', waiting: 0 }] }));
    expect(alerts).toEqual([{ kind: 'unattended', category: 'B', waiting: 2, toOpen: [2, 5] }]);
  });

  it('raises a queue no window serves at all with nothing to open, and none for an empty queue', () => {
    const alerts = hallAlerts(watch({ windows: [window(1, ['A'], 'open')], waiting: [{ code: 'D', waiting: 1 }, { code: 'E', waiting: 0 }] }));
    expect(alerts).toEqual([{ kind: 'unattended', category: 'D', waiting: 1, toOpen: [] }]);
  });

  it('raises a visitor waiting past the target, not at exactly the target', () => {
    const windows = [window(1, ['A'], 'open'), window(4, ['A'], 'closed')];
    const at = (waitedMs: number) =>
      hallAlerts(watch({ windows, waiting: [{ code: 'A', waiting: 4 }], live: live({ queues: [{ code: 'A', name: '户籍', nameEn: null, longest: { number: 'A007', waitingSince: ago(waitedMs) } }] }) }));
    expect(at(30 * MINUTE)).toEqual([]);
    expect(at(30 * MINUTE + 1000)).toEqual([{ kind: 'long_wait', category: 'A', number: 'A007', waitedMs: 30 * MINUTE + 1000, targetMinutes: 30, toOpen: [4] }]);
  });

  it('measures waits against the target as set, and not for a queue the snapshot says is empty', () => {
    const queues = [{ code: 'A', name: '户籍', nameEn: null, longest: { number: 'A007', waitingSince: ago(12 * MINUTE) } }];
    const windows = [window(1, ['A'], 'open')];
    expect(hallAlerts(watch({ windows, waiting: [{ code: 'A', waiting: 1 }], live: live({ waitTargetMinutes: 10, queues }) }))).toMatchObject([{ kind: 'long_wait', targetMinutes: 10 }]);
    expect(hallAlerts(watch({ windows, waiting: [{ code: 'A', waiting: 0 }], live: live({ waitTargetMinutes: 10, queues }) }))).toEqual([]);
  });

  it('raises a window paused past the limit with its staff member and reason, not at exactly the limit', () => {
    const paused = window(3, ['A'], 'paused', { pauseReason: '午休', staff: { staffNo: '1003', name: '李娜' } });
    const windows = [window(1, ['A'], 'open'), paused];
    const at = (pausedMs: number) => hallAlerts(watch({ windows, live: live({ windows: [{ no: 3, state: 'paused', since: ago(pausedMs), servingSince: null }] }) }));
    expect(at(20 * MINUTE)).toEqual([]);
    expect(at(20 * MINUTE + 1)).toEqual([{ kind: 'long_pause', windowNo: 3, staff: '李娜', reason: '午休', pausedMs: 20 * MINUTE + 1, limitMinutes: 20 }]);
  });

  it('does not take a time measured in another state for a pause', () => {
    const windows = [window(3, ['A'], 'paused', { pauseReason: '午休' })];
    const alerts = hallAlerts(watch({ windows, live: live({ windows: [{ no: 3, state: 'open', since: ago(60 * MINUTE), servingSince: null }] }) }));
    expect(alerts).toEqual([]);
  });

  it('raises kiosks and pads offline past the grace in one alert, longest first, and not a connected one', () => {
    const devices: OfficeLiveReply['devices'] = [
      { deviceId: 'pad-03', kind: 'pad', name: '3号窗口评价器', windowNo: 3, offlineSince: ago(DEVICE_OFFLINE_GRACE_MS + 5 * MINUTE) },
      { deviceId: 'kiosk-01', kind: 'kiosk', name: '一楼东侧取号机', windowNo: null, offlineSince: ago(DEVICE_OFFLINE_GRACE_MS + MINUTE) },
      { deviceId: 'kiosk-02', kind: 'kiosk', name: '二楼取号机', windowNo: null, offlineSince: ago(DEVICE_OFFLINE_GRACE_MS) },
      { deviceId: 'pad-04', kind: 'pad', name: '4号窗口评价器', windowNo: 4, offlineSince: null },
    ];
    expect(hallAlerts(watch({ live: live({ devices }) }))).toEqual([
      {
        kind: 'devices_offline',
        devices: [
          { deviceId: 'pad-03', kind: 'pad', name: '3号窗口评价器', windowNo: 3, offlineMs: DEVICE_OFFLINE_GRACE_MS + 5 * MINUTE },
          { deviceId: 'kiosk-01', kind: 'kiosk', name: '一楼东侧取号机', windowNo: null, offlineMs: DEVICE_OFFLINE_GRACE_MS + MINUTE },
        ],
      },
    ]);
  });

  it('turns time-based alerts on as the clock moves, with nothing else changed', () => {
    const paused = window(2, ['A'], 'paused');
    const state = { windows: [paused], live: live({ windows: [{ no: 2, state: 'paused', since: ago(19 * MINUTE), servingSince: null }] }) } as const;
    expect(hallAlerts(watch(state)).map((a) => a.kind)).toEqual([]);
    expect(hallAlerts(watch({ ...state, now: NOW + 2 * MINUTE })).map((a) => a.kind)).toEqual(['long_pause']);
  });

  it('orders the alerts: unattended queues, long waits, long pauses, lost devices', () => {
    const windows = [window(2, ['B'], 'paused')];
    const alerts = hallAlerts(
      watch({
        windows,
        waiting: [{ code: 'B', waiting: 1 }],
        live: live({
          windows: [{ no: 2, state: 'paused', since: ago(45 * MINUTE), servingSince: null }],
          queues: [{ code: 'B', name: '税务', nameEn: null, longest: { number: 'B001', waitingSince: ago(40 * MINUTE) } }],
          devices: [{ deviceId: 'kiosk-01', kind: 'kiosk', name: '取号机', windowNo: null, offlineSince: ago(10 * MINUTE) }],
        }),
      }),
    );
    expect(alerts.map((a) => a.kind)).toEqual(['unattended', 'long_wait', 'long_pause', 'devices_offline']);
  });
});
