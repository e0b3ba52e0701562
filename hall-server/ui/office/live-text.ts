import { categoryName, formatElapsed, type HallAlert, type Locale, type MessageKey, type OfficeLiveReply, type OfflineDevice } from '@hall/shared';

// The live view's alerts in words: what is wrong, and what the duty captain should do about it.

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Lost devices named in an alert at most: the rest are counted (the devices panel lists them all). */
const DEVICES_NAMED = 4;

export interface AlertWords {
  what: string;
  todo: string;
}

/** "3号窗口、5号窗口" / "window 3, window 5". */
function windowList(nos: readonly number[], t: Translate): string {
  return nos.map((no) => t('live.windowNo', { no })).join(t('live.listSeparator'));
}

function deviceList(devices: readonly OfflineDevice[], t: Translate, locale: Locale): string {
  const list = devices
    .slice(0, DEVICES_NAMED)
    .map((d) => t('live.deviceFor', { name: d.name, elapsed: formatElapsed(d.offlineMs, locale) }))
    .join(t('live.listSeparator'));
  return devices.length > DEVICES_NAMED ? t('live.andMore', { list, more: devices.length - DEVICES_NAMED }) : list;
}

export function alertWords(alert: HallAlert, live: OfficeLiveReply, t: Translate, locale: Locale): AlertWords {
  const category = (code: string) => {
    const queue = live.queues.find((q) => q.code === code);
    return queue ? categoryName(queue, locale) : code;
  };
  switch (alert.kind) {
    case 'unattended':
      return {
        what: t('live.alert.unattended', { category: category(alert.category), waiting: alert.waiting }),
        todo: alert.toOpen.length > 0 ? t('live.advice.openWindows', { windows: windowList(alert.toOpen, t) }) : t('live.advice.noWindow'),
      };
    case 'long_wait':
      return {
        what: t('live.alert.longWait', { category: category(alert.category), number: alert.number, elapsed: formatElapsed(alert.waitedMs, locale), target: alert.targetMinutes }),
        todo: alert.toOpen.length > 0 ? t('live.advice.addWindows', { windows: windowList(alert.toOpen, t) }) : t('live.advice.explain'),
      };
    case 'long_pause':
      return {
        what: t('live.alert.longPause', { windowNo: alert.windowNo, elapsed: formatElapsed(alert.pausedMs, locale), reason: alert.reason ?? t('live.noReason'), limit: alert.limitMinutes }),
        todo: alert.staff === null ? t('live.advice.resume') : t('live.advice.resumeStaff', { staff: alert.staff }),
      };
    case 'devices_offline':
      return {
        what: t('live.alert.devicesOffline', {
          count: alert.devices.length,
          devices: deviceList(alert.devices, t, locale),
        }),
        todo: t('live.advice.devices'),
      };
  }
}
