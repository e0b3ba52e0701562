import type { ReactNode } from 'react';
import { useT } from './i18n';
import type { StaffPage } from './staff-page';

interface Props {
  page: StaffPage;
  /** What the person's last step did or why it was refused, until dismissed. */
  notice: { kind: string; text: string } | null;
  /** The page's own lines (its state, the line to the server), under the notice. */
  children: ReactNode;
  onDismiss(): void;
}

/** The strip under the header; it takes no room when there is nothing to say. */
export function NoticeStrip({ page, notice, children, onDismiss }: Props) {
  const { t } = useT();
  return (
    <div className={`${page}-notices`}>
      {notice && (
        <div
          className={`${page}-notice ${page}-notice-${notice.kind}`}
          role={notice.kind === 'error' ? 'alert' : 'status'}
          data-testid={`${page}-${notice.kind}`}
        >
          <span>{notice.text}</span>
          <button type="button" className={`${page}-notice-dismiss`} onClick={onDismiss} aria-label={t(`${page}.close`)}>
            ×
          </button>
        </div>
      )}
      {children}
    </div>
  );
}
