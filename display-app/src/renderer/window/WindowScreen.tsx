import { useEffect, useState } from 'react';
import { CallView, localTime, type WindowView } from '@hall/shared';
import { LocaleProvider, useClockOffset, useDeviceFeed, useNow, useT } from '@hall/shared/ui';
import { Connecting, ReconnectingBanner, screenLocale, useCategoryNames, useOfflineSince } from '../common/live';
import { reopensAt } from './reopens';

// The window screen (窗口屏): the small screen above a window. Its number and name, what it
// handles, who serves there, and the number being served, or 欢迎光临 / 请等候叫号 while it
// waits for the next call, 暂停服务 with the reason and when it reopens, or 未开放.

export function WindowScreenApp({ windowNo }: { windowNo: number | null }) {
  return (
    <LocaleProvider locale={screenLocale(window.location.search)}>
      {windowNo === null ? <BadAddress /> : <WindowScreen windowNo={windowNo} />}
    </LocaleProvider>
  );
}

function BadAddress() {
  const { t } = useT();
  return <div className="win-problem">{t('display.badWindowAddress')}</div>;
}

function WindowScreen({ windowNo }: { windowNo: number }) {
  const { t } = useT();
  // A call (or recall) at this window flashes its number.
  const [flash, setFlash] = useState<string | null>(null);
  const { snapshot, connected } = useDeviceFeed({ client: 'window-screen', windowNo }, (event, payload) => {
    if (event !== 'ticket:called') return;
    const call = CallView.safeParse(payload);
    if (call.success && call.data.windowNo === windowNo) setFlash(`${call.data.number}@${call.data.calledAt}`);
  });
  const offlineSince = useOfflineSince(connected);
  const names = useCategoryNames(connected, snapshot?.setupVersion);
  const view = snapshot?.windows.find((w) => w.no === windowNo) ?? null;

  useEffect(() => {
    document.title = t('display.windowTitle', { windowNo });
  }, [t, windowNo]);

  return (
    <div className={`win-screen${connected ? '' : ' is-stale'}`} data-testid="window-screen" data-connected={connected}>
      {snapshot === null ? (
        <Connecting />
      ) : view === null ? (
        <div className="win-problem">{t('display.windowNotFound', { windowNo })}</div>
      ) : (
        <>
          <aside className="win-no">
            <span className="win-no-digits">{view.no}</span>
            <span className="win-no-label">{t('display.windowNoLabel')}</span>
          </aside>
          <main className="win-body">
            <div className="win-name">
              {view.name}
              {view.extendedService && <span className="win-extended">{t('window.extendedService')}</span>}
            </div>
            <div className="win-scope" data-testid="window-scope">
              {t('display.scope', { categories: view.categories.map((c) => names.get(c) ?? c).join(t('display.listSeparator')) })}
            </div>
            <Status view={view} flash={flash} timeZone={snapshot.timezone} serverAt={snapshot.at} />
            <div className="win-staff" data-testid="window-staff">
              {view.staff ? (
                <>
                  <span className="win-staff-label">{t('display.staff')}</span>
                  <span className="win-staff-name">{view.staff.name}</span>
                  <span className="win-staff-no">{t('display.staffNo', { staffNo: view.staff.staffNo })}</span>
                </>
              ) : (
                <span className="win-staff-label">{view.department}</span>
              )}
            </div>
          </main>
        </>
      )}
      {!connected && <ReconnectingBanner since={offlineSince} timeZone={snapshot?.timezone} />}
    </div>
  );
}

function Status({ view, flash, timeZone, serverAt }: { view: WindowView; flash: string | null; timeZone: string; serverAt: string }) {
  const { t } = useT();
  // The server's clock, not the screen machine's: a reopening time that has passed is taken down.
  const now = useNow(15_000) + useClockOffset(serverAt);
  const reopens = reopensAt(view, now);
  if (view.state === 'paused') {
    return (
      <div className="win-status is-paused" data-testid="window-status" data-state="paused">
        <span className="win-status-text">{t('window.state.paused')}</span>
        {view.pauseReason && <span className="win-reason">{view.pauseReason}</span>}
        {reopens !== null && (
          <span className="win-reopens" data-testid="window-reopens">
            {t('display.reopensAt', { time: localTime(reopens, timeZone) })}
          </span>
        )}
      </div>
    );
  }
  if (view.state === 'closed') {
    return (
      <div className="win-status is-closed" data-testid="window-status" data-state="closed">
        <span className="win-status-text">{t('window.state.closed')}</span>
      </div>
    );
  }
  if (view.servingNumber === null) {
    return (
      <div className="win-status is-idle" data-testid="window-status" data-state="idle">
        <span className="win-status-text">{t('display.welcome')}</span>
        <span className="win-wait">{t('display.pleaseWait')}</span>
      </div>
    );
  }
  return (
    <div className="win-status is-serving" data-testid="window-status" data-state="serving">
      <span className="win-label">{t('display.serving')}</span>
      {/* A new key on each call: the flash plays from its start. */}
      <span key={flash ?? 'still'} className={`win-number${flash ? ' is-flashing' : ''}`} data-testid="window-number">
        {view.servingNumber}
      </span>
    </div>
  );
}
