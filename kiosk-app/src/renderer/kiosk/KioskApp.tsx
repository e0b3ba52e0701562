import { useCallback, useEffect, useRef, useState } from 'react';
import { apiFailure, HelpRequestReply, IssueTicketReply, phonePageUrl, type Locale, type ReprintBody } from '@hall/shared';
import { LocaleProvider, useCategories, useDevice, useDeviceFeed, useT } from '@hall/shared/ui';
import { ConfirmScreen, type PrintState } from './ConfirmScreen';
import { HomeScreen } from './HomeScreen';
import { KioskHeader } from './KioskHeader';
import { AppointmentScreen } from './AppointmentScreen';
import { ReprintScreen } from './ReprintScreen';
import { issueTicket, newTapKey, type IssueRequest } from './issue-ticket';
import { ticketPrintJob } from './print-job';
import { printerDown } from './printer-down';
import { usePrinter } from './use-printer';

type Screen =
  | { kind: 'home' }
  | { kind: 'priority' }
  | { kind: 'appointment'; problem: string | null; code: string }
  | { kind: 'reprint'; problem: string | null; staffNo: string; number: string }
  | { kind: 'issuing' }
  | { kind: 'confirm'; issued: IssueTicketReply; print: PrintState };

/** Anywhere but home, an untouched kiosk goes back home after this long. */
const IDLE_MS = 60_000;

export function KioskApp({ deviceId }: { deviceId: string }) {
  const [locale, setLocale] = useState<Locale>('zh-CN');
  return (
    <LocaleProvider locale={locale}>
      <Kiosk deviceId={deviceId} locale={locale} onLocale={setLocale} />
    </LocaleProvider>
  );
}

function Kiosk({ deviceId, locale, onLocale }: { deviceId: string; locale: Locale; onLocale: (l: Locale) => void }) {
  const { t } = useT();
  const { api } = useDevice();
  const { snapshot, connected } = useDeviceFeed({ client: 'kiosk' });
  const [screen, setScreen] = useState<Screen>({ kind: 'home' });
  const [problem, setProblem] = useState<string | null>(null);
  const [lastTouch, setLastTouch] = useState(() => Date.now());
  const busy = useRef(false);
  const printer = usePrinter(deviceId, api, snapshot);

  const categories = useCategories(api, connected, snapshot?.setupVersion);

  useEffect(() => {
    if (screen.kind === 'home' || screen.kind === 'issuing') return;
    const timer = setTimeout(() => setScreen({ kind: 'home' }), Math.max(0, lastTouch + IDLE_MS - Date.now()));
    return () => clearTimeout(timer);
  }, [screen, lastTouch]);

  /**
   * Shows and prints the ticket a request answers with. A refusal the visitor (or guide) can
   * correct stays on the screen it came from; anything else starts again from home.
   */
  const obtain = useCallback(
    async (request: () => Promise<IssueTicketReply>, refusedScreen: ((message: string) => Screen) | null, reprint = false) => {
      if (busy.current) return;
      busy.current = true;
      setProblem(null);
      setScreen({ kind: 'issuing' });
      try {
        const issued = await request();
        const printing = printer.hasPrinter && snapshot !== null;
        setScreen({ kind: 'confirm', issued, print: printing ? 'printing' : 'none' });
        if (printing) {
          const printed = await printer.print(ticketPrintJob(snapshot, issued, phonePageUrl(window.location.origin, issued.secret), reprint));
          setScreen((s) => (s.kind === 'confirm' && s.issued === issued ? { ...s, print: printed ? 'printed' : 'failed' } : s));
        }
      } catch (error) {
        const failure = apiFailure(error);
        const known = failure.kind === 'answered';
        const message = known ? failure.message : t('kiosk.unavailable');
        if (known && refusedScreen) setScreen(refusedScreen(message));
        else {
          setScreen({ kind: 'home' });
          setProblem(message);
        }
      } finally {
        busy.current = false;
      }
    },
    [printer, snapshot, t],
  );
  const issue = (request: IssueRequest, refusedScreen: ((message: string) => Screen) | null) =>
    obtain(() => issueTicket(api, request, newTapKey(deviceId), locale), refusedScreen);
  const reprint = (body: ReprintBody) =>
    obtain(
      () => api.request('POST', '/api/tickets/reprint', IssueTicketReply, { body, locale }),
      // Kept for correction, all but the PIN.
      (message) => ({ kind: 'reprint', problem: message, staffNo: body.staffNo, number: body.number }),
      true,
    );

  const callGuide = () =>
    api.request('POST', '/api/help-requests', HelpRequestReply, { body: { deviceId }, locale }).then(
      () => setProblem(null),
      () => setProblem(t('kiosk.unavailable')),
    );
  // Live from the hall: the request stays shown until a guide marks it handled.
  const guideCalled = snapshot?.helpRequests.some((h) => h.deviceId === deviceId) ?? false;
  // The hall's disk takes no writes (issue 17): no ticket could be saved, so none is offered.
  const storageDown = snapshot !== null && !snapshot.storage.writable;
  const available = connected && snapshot !== null && categories.length > 0 && !storageDown;

  return (
    <div className="kiosk" onPointerDown={() => setLastTouch(Date.now())}>
      <KioskHeader
        hall={snapshot?.hall ?? ''}
        timezone={snapshot?.timezone ?? 'Asia/Shanghai'}
        onSwitchLocale={() => onLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}
      />
      <main className="kiosk-body">
        {(screen.kind === 'home' || screen.kind === 'priority') && (
          <HomeScreen
            categories={categories}
            snapshot={snapshot}
            priority={screen.kind === 'priority'}
            disabled={!available}
            problem={problem}
            printerDown={printerDown(deviceId, printer.fault, snapshot)}
            guideCalled={guideCalled}
            onCallGuide={() => void callGuide()}
            onStaff={() => setScreen({ kind: 'reprint', problem: null, staffNo: '', number: '' })}
            onTake={(category, priority) => issue({ path: '/api/tickets', body: priority ? { category, priority: true } : { category } }, null)}
            onPriority={() => setScreen({ kind: 'priority' })}
            onAppointment={() => setScreen({ kind: 'appointment', problem: null, code: '' })}
            onBack={() => setScreen({ kind: 'home' })}
          />
        )}
        {screen.kind === 'appointment' && (
          <AppointmentScreen
            problem={screen.problem}
            initialCode={screen.code}
            disabled={!available}
            onCheckIn={(code) => issue({ path: '/api/appointments/check-in', body: { code } }, (message) => ({ kind: 'appointment', problem: message, code }))}
            onBack={() => setScreen({ kind: 'home' })}
          />
        )}
        {screen.kind === 'reprint' && (
          <ReprintScreen
            categories={categories}
            deviceId={deviceId}
            problem={screen.problem}
            initial={screen}
            disabled={!available}
            onReprint={reprint}
            onBack={() => setScreen({ kind: 'home' })}
          />
        )}
        {screen.kind === 'issuing' && <p className="kiosk-issuing">{t('kiosk.issuing')}</p>}
        {screen.kind === 'confirm' && (
          <ConfirmScreen issued={screen.issued} windows={snapshot?.windows ?? []} print={screen.print} onDone={() => setScreen({ kind: 'home' })} />
        )}
      </main>
      {!available && screen.kind !== 'confirm' && (
        <div className="kiosk-unavailable" role="alert" data-testid={storageDown ? 'storage-down' : 'unavailable'}>
          <p className="kiosk-unavailable-title">{t(storageDown ? 'storage.kiosk' : 'kiosk.unavailable')}</p>
          <p>{t(storageDown ? 'storage.kioskDetail' : 'kiosk.unavailableHint')}</p>
        </div>
      )}
    </div>
  );
}
