import { deviceFaultText, type HallSnapshot } from '@hall/shared';
import { NoticeStrip, Problem, useT } from '@hall/shared/ui';

export interface Notice {
  /** new: a poor rating just arrived; info: what a step did; error: a refusal. */
  kind: 'new' | 'info' | 'error';
  text: string;
}

interface Props {
  notice: Notice | null;
  offline: boolean;
  /** The figures or the list could not be read just now. */
  loadProblem: string | null;
  /** The hall's kiosks in trouble: printer faults and 呼叫导服员, for the duty captain. */
  hall: HallSnapshot | null;
  onDismiss(): void;
  onHelpHandled(id: string): void;
}

export function OfficeNotices({ notice, offline, loadProblem, hall, onDismiss, onHelpHandled }: Props) {
  const { t, locale } = useT();
  return (
    <NoticeStrip page="office" notice={notice} onDismiss={onDismiss}>
      <Problem page="office" problem={loadProblem && t('office.loadProblem', { problem: loadProblem })} testId="office-load-problem" />
      {offline && (
        <p className="office-notice office-notice-warn" role="status">
          {t('office.offline')}
        </p>
      )}
      {hall?.deviceFaults.map((fault) => (
        <p key={`${fault.deviceId}:${fault.part}`} className="office-notice office-notice-warn" role="status" data-testid="device-fault">
          {deviceFaultText(fault, locale)}
        </p>
      ))}
      {hall?.helpRequests.map((help) => (
        <div key={help.id} className="office-notice office-notice-warn office-notice-help" role="alert" data-testid="help-request">
          <span>{t('console.helpRequested', { place: help.place })}</span>
          <button type="button" className="office-help-handled" onClick={() => onHelpHandled(help.id)}>
            {t('console.helpHandled')}
          </button>
        </div>
      ))}
    </NoticeStrip>
  );
}
