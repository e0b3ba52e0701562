import { deviceFaultText, type HallSnapshot, type HelpRequestView } from '@hall/shared';
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
  /** The hall as the console hears it: its machines' faults, 呼叫导服员, who is on duty. */
  hall: HallSnapshot | null;
  /** The staff member signed in here. */
  staffNo: string;
  busy: boolean;
  onDismiss(): void;
  onExtend(): void;
  /** 已处理: this guide went to the kiosk. */
  onHelpHandled(id: string): void;
}

/**
 * A kiosk's trouble is a guide's work: it shows on the consoles of the guides and the duty
 * captain on duty now, not on every window's (the office page shows it to the captain too).
 */
function isOnDuty(hall: HallSnapshot | null, staffNo: string): boolean {
  if (!hall) return false;
  return hall.duty.captain?.staffNo === staffNo || hall.duty.guides.some((g) => g.staffNo === staffNo);
}

/** What the staff member must see now: a disk that saves nothing, a refusal, the window's state, the hall's machines. */
export function Notices({ notice, offline, pauseReason, extend, hall, staffNo, busy, onDismiss, onExtend, onHelpHandled }: Props) {
  const { t, locale } = useT();
  const onDuty = isOnDuty(hall, staffNo);
  const deviceFaults = onDuty ? (hall?.deviceFaults ?? []) : [];
  const helpRequests: HelpRequestView[] = onDuty ? (hall?.helpRequests ?? []) : [];
  return (
    <NoticeStrip page="console" notice={notice} onDismiss={onDismiss}>
      {hall !== null && hall.storage.problem !== null && (
        <p className="console-notice console-notice-storage" role="alert" data-testid="storage-down">
          <span>{t('storage.console')}</span>
          <span className="console-notice-storage-problem">{t(`storage.problem.${hall.storage.problem}`)}</span>
        </p>
      )}
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
          {deviceFaultText(fault, locale)}
        </p>
      ))}
      {helpRequests.map((help) => (
        <div key={help.id} className="console-notice console-notice-help" role="alert" data-testid="help-request">
          <span>{t('console.helpRequested', { place: help.place })}</span>
          <button type="button" className="console-primary console-help-handled" onClick={() => onHelpHandled(help.id)}>
            {t('console.helpHandled')}
          </button>
        </div>
      ))}
    </NoticeStrip>
  );
}
