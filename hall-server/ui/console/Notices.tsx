import type { DeviceFault, Locale } from '@hall/shared';
import { t as translate } from '@hall/shared';
import { NoticeStrip, useT } from '@hall/shared/ui';

export interface Notice {
  kind: 'error' | 'info';
  text: string;
}

interface Props {
  notice: Notice | null;
  offline: boolean;
  pauseReason: string | null;
  extend: { kind: 'prompt'; waiting: number } | { kind: 'banner' } | null;
  deviceFaults: DeviceFault[];
  busy: boolean;
  onDismiss(): void;
  onExtend(): void;
}

function faultText(fault: DeviceFault, locale: Locale): string {
  // The server's message is Chinese; other languages name the fault from the table.
  const message = locale === 'zh-CN' ? fault.message : translate(locale, `device.fault.${fault.fault}`);
  return translate(locale, 'console.deviceFault', { deviceId: fault.deviceId, message });
}

/** What the staff member must see now: a refusal, the window's state, the hall's machines. */
export function Notices({ notice, offline, pauseReason, extend, deviceFaults, busy, onDismiss, onExtend }: Props) {
  const { t, locale } = useT();
  return (
    <NoticeStrip page="console" notice={notice} onDismiss={onDismiss}>
      {extend?.kind === 'prompt' && (
        <div className="console-notice console-notice-extend" role="alert" data-testid="extend-prompt">
          <span>{t('console.extendPrompt', { count: extend.waiting })}</span>
          <button type="button" className="console-primary console-extend-button" disabled={busy} onClick={onExtend}>
            {t('console.extendButton')}
          </button>
        </div>
      )}
      {extend?.kind === 'banner' && (
        <p className="console-notice console-notice-extended" data-testid="extended-banner">
          {t('console.extendBanner')}
        </p>
      )}
      {pauseReason !== null && (
        <p className="console-notice console-notice-paused" data-testid="paused-banner">
          {t('console.paused', { reason: pauseReason })}
        </p>
      )}
      {offline && (
        <p className="console-notice console-notice-warn" role="status">
          {t('console.offline')}
        </p>
      )}
      {deviceFaults.map((fault) => (
        <p key={`${fault.deviceId}:${fault.part}`} className="console-notice console-notice-fault" role="status" data-testid="device-fault">
          {faultText(fault, locale)}
        </p>
      ))}
    </NoticeStrip>
  );
}
