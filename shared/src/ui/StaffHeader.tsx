import type { ReactNode } from 'react';
import { localTime } from '../format/time';
import { useT } from './i18n';
import { useNow } from './use-now';
import type { StaffPage } from './staff-page';

interface Props {
  page: StaffPage;
  hall: string;
  timezone: string;
  clockOffsetMs: number;
  /** The page's own cells ahead of the hall and its clock: where and who. */
  children: ReactNode;
  onSwitchLocale(): void;
  /** Opens 修改密码 (ChangePinDialog). */
  onChangePin(): void;
  onLogout(): void;
}

/** The page's own cells, then the hall with its time (the server's), the language, 修改密码 and sign-out. */
export function StaffHeader({ page, hall, timezone, clockOffsetMs, children, onSwitchLocale, onChangePin, onLogout }: Props) {
  const { t } = useT();
  const now = useNow(5000) + clockOffsetMs;
  return (
    <header className={`${page}-header`}>
      {children}
      <p className={`${page}-header-hall`}>
        {hall} <span className={`${page}-clock`}>{localTime(now, timezone)}</span>
      </p>
      <div className={`${page}-header-buttons`}>
        <button type="button" className={`${page}-header-button`} onClick={onSwitchLocale}>
          {t(`${page}.languageSwitch`)}
        </button>
        <button type="button" className={`${page}-header-button`} data-action="change-pin" onClick={onChangePin}>
          {t('pin.open')}
        </button>
        <button type="button" className={`${page}-header-button`} data-action="logout" onClick={onLogout}>
          {t(`${page}.logout`)}
        </button>
      </div>
    </header>
  );
}
