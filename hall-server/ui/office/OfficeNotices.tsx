import { useT } from '@hall/shared/ui';

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
  onDismiss(): void;
}

export function OfficeNotices({ notice, offline, loadProblem, onDismiss }: Props) {
  const { t } = useT();
  return (
    <div className="office-notices">
      {notice && (
        <div
          className={`office-notice office-notice-${notice.kind}`}
          role={notice.kind === 'error' ? 'alert' : 'status'}
          data-testid={`office-${notice.kind}`}
        >
          <span>{notice.text}</span>
          <button type="button" className="office-notice-dismiss" onClick={onDismiss} aria-label={t('office.dismiss')}>
            ×
          </button>
        </div>
      )}
      {loadProblem && (
        <p className="office-notice office-notice-error" role="alert" data-testid="office-load-problem">
          {t('office.loadProblem', { problem: loadProblem })}
        </p>
      )}
      {offline && (
        <p className="office-notice office-notice-warn" role="status">
          {t('office.offline')}
        </p>
      )}
    </div>
  );
}
