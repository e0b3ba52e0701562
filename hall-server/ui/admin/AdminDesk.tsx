import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ChangePinDialog, StaffHeader, problemText, useClockOffset, useHallFeed, useT, type DeskProps } from '@hall/shared/ui';
import { isSessionGone, type OfficeSession } from '../office/office-session';
import { adminApi } from './admin-api';
import { AdminContextValue, type AdminContext } from './admin-context';
import { AuditSection } from './AuditSection';
import { BackupsSection } from './BackupsSection';
import { CategoriesSection } from './CategoriesSection';
import { DevicesSection } from './DevicesSection';
import { NoticeSection } from './NoticeSection';
import { RosterSection } from './RosterSection';
import { sectionsFor, sectionTitle, type Section } from './sections';
import { SettingsSection } from './SettingsSection';
import { StaffSection } from './StaffSection';
import { TransferSection } from './TransferSection';
import { useConfirm } from './use-confirm';
import { useLoad } from './use-load';
import { WindowsSection } from './WindowsSection';

const views: Record<Section, () => React.JSX.Element> = {
  categories: CategoriesSection,
  windows: WindowsSection,
  staff: StaffSection,
  devices: DevicesSection,
  settings: SettingsSection,
  roster: RosterSection,
  notice: NoticeSection,
  audit: AuditSection,
  transfer: TransferSection,
  backups: BackupsSection,
};

/** The signed-in admin page: a menu of sections beside the one open. */
export function AdminDesk({ api, session, onSwitchLocale, onSessionGone, onSignOut }: DeskProps<OfficeSession>) {
  const { t, locale } = useT();
  const { token, staff } = session;
  const ended = useRef(false);
  const sessionGone = useCallback(() => {
    if (ended.current) return;
    ended.current = true;
    onSessionGone();
  }, [onSessionGone]);
  // sessionGone reads its ref only when a request is refused, never while rendering.
  // eslint-disable-next-line react-hooks/refs
  const admin = useMemo(() => adminApi(api, token, locale, sessionGone), [api, token, locale, sessionGone]);
  const isAdmin = staff.roles.includes('admin');
  const shown = sectionsFor(staff.roles);
  const [section, setSection] = useState<Section>(shown[0] ?? 'roster');
  const [message, setMessage] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const { confirm, dialog } = useConfirm();
  const [changingPin, setChangingPin] = useState(false);

  // The hall as it is now (its name, clock, notice, who is on duty) and its set-up's version:
  // the set-up is read again whenever it changes, here, at another admin page or by an import.
  const { snapshot } = useHallFeed(window.location.origin, { client: 'admin', token });
  const setupVersion = snapshot?.setupVersion;
  const readSetup = useCallback(() => (isAdmin && setupVersion !== undefined ? admin.setup() : Promise.resolve(null)), [admin, isAdmin, setupVersion]);
  const { value: setup, problem: setupProblem, refresh: reload } = useLoad(readSetup);
  const clockOffsetMs = useClockOffset(snapshot?.at);

  useEffect(() => {
    document.title = t('admin.title');
  }, [t]);

  const logout = async () => {
    if (ended.current) return;
    ended.current = true;
    try {
      await onSignOut();
    } catch (error) {
      ended.current = false;
      setMessage({ kind: 'error', text: problemText(error, t) });
    }
  };

  const context: AdminContext = {
    admin,
    staff,
    isAdmin,
    setup,
    reload,
    snapshot,
    say: (text) => setMessage({ kind: 'info', text }),
    confirm,
  };
  const View = views[section];
  const role = isAdmin ? t('office.role.admin') : t('office.role.captain');
  return (
    <AdminContextValue.Provider value={context}>
      <div className="office admin">
        <StaffHeader
          page="office"
          hall={snapshot?.hall ?? ''}
          timezone={snapshot?.timezone ?? 'Asia/Shanghai'}
          clockOffsetMs={clockOffsetMs}
          onSwitchLocale={onSwitchLocale}
          onChangePin={() => setChangingPin(true)}
          onLogout={() => void logout()}
        >
          <h1 className="office-header-title">{t('admin.title')}</h1>
          <p className="office-header-staff" data-testid="office-staff">
            {role} {t('office.staffLabel', { name: staff.name, staffNo: staff.staffNo })}
          </p>
        </StaffHeader>
        {changingPin && (
          <ChangePinDialog
            page="office"
            api={api}
            token={token}
            onChanged={() => {
              setChangingPin(false);
              setMessage({ kind: 'info', text: t('pin.changed') });
            }}
            onClose={() => setChangingPin(false)}
          />
        )}
        <div className="admin-body">
          <nav className="admin-menu" aria-label={t('admin.menu')}>
            {shown.map((name) => (
              <button
                key={name}
                type="button"
                className="admin-menu-item"
                aria-current={name === section ? 'page' : undefined}
                data-section={name}
                onClick={() => setSection(name)}
              >
                {t(sectionTitle(name))}
              </button>
            ))}
          </nav>
          <main className="admin-main">
            {setupProblem !== null && !isSessionGone(setupProblem) && (
              <p className="office-notice office-notice-error admin-message" role="alert">
                {t('admin.loadProblem', { problem: problemText(setupProblem, t) })}
              </p>
            )}
            {message && (
              <p className={`office-notice office-notice-${message.kind} admin-message`} role={message.kind === 'error' ? 'alert' : 'status'}>
                <span data-testid="admin-message">{message.text}</span>
                <button type="button" className="office-notice-dismiss" aria-label={t('office.close')} onClick={() => setMessage(null)}>
                  ×
                </button>
              </p>
            )}
            <h2 className="admin-title">{t(sectionTitle(section))}</h2>
            <View key={section} />
          </main>
        </div>
        {dialog}
      </div>
    </AdminContextValue.Provider>
  );
}
