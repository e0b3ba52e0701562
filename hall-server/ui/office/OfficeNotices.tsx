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
  onDismiss(): void;
}

export function OfficeNotices({ notice, offline, loadProblem, onDismiss }: Props) {
  const { t } = useT();
  return (
    <NoticeStrip page="office" notice={notice} onDismiss={onDismiss}>
      <Problem page="office" problem={loadProblem && t('office.loadProblem', { problem: loadProblem })} testId="office-load-problem" />
      {offline && (
        <p className="office-notice office-notice-warn" role="status">
          {t('office.offline')}
        </p>
      )}
    </NoticeStrip>
  );
}
