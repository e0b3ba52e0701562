import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { FollowUpView } from '@hall/shared';
import { ChangePinDialog, type DeskProps, problemText, useClockOffset, useT } from '@hall/shared/ui';
import { Figures } from './Figures';
import { isLocalDate } from './format';
import { FollowUpList } from './FollowUpList';
import { OfficeHeader } from './OfficeHeader';
import { officeApi, type DateRange } from './office-api';
import { isSessionGone, type OfficeSession } from './office-session';
import { OfficeNotices, type Notice } from './OfficeNotices';
import { useFollowUps } from './use-follow-ups';
import { useHallReport } from './use-hall-report';
import { useOfficeFeed } from './use-office-feed';
import { OFFICE_VIEWS } from './office-views';
import { LIVE_VIEW_ID, LiveAlertCount } from './LiveAlertCount';
import { HallLiveContext, useHallLive } from './use-hall-live';

/** The signed-in office: the figures of a span (today unless chosen) beside the follow-ups. */
export function OfficeDesk({ api, session, onSwitchLocale, onSessionGone, onSignOut }: DeskProps<OfficeSession>) {
  const { t, locale } = useT();
  const { token, staff } = session;
  /** Set once this page signs out or its session is gone: late answers then change nothing. */
  const ended = useRef(false);
  const sessionGone = useCallback(() => {
    if (ended.current) return;
    ended.current = true;
    onSessionGone();
  }, [onSessionGone]);
  // sessionGone reads its ref only when a request is refused, never while rendering.
  // eslint-disable-next-line react-hooks/refs
  const office = useMemo(() => officeApi(api, token, locale, sessionGone), [api, token, locale, sessionGone]);

  // null: the hall's service day, following it when the day turns over.
  const [chosen, setChosen] = useState<DateRange | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [changingPin, setChangingPin] = useState(false);
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  /** 'desk', or the id of one of OFFICE_VIEWS. */
  const [viewId, setViewId] = useState('desk');
  const view = OFFICE_VIEWS.find((v) => v.id === viewId) ?? null;

  /** Counts the kiosks' and pads' line changes: the live view reads the hall again on each. */
  const [devicesMoved, setDevicesMoved] = useState(0);

  const refreshRef = useRef({ figures: () => {}, all: () => {} });
  const { snapshot, connected } = useOfficeFeed(token, {
    onFollowUpOpened: (followUp: FollowUpView) => {
      setFresh((ids) => new Set(ids).add(followUp.id));
      setNotice({ kind: 'new', text: t('office.newFollowUp', { number: followUp.number, windowNo: followUp.windowNo }) });
      refreshRef.current.all();
    },
    onSnapshot: () => refreshRef.current.all(),
    onQueueMoved: () => refreshRef.current.figures(),
    onFollowUpChanged: () => refreshRef.current.all(),
    // Looking again asks with the session: an ended one sends the page back to sign-in.
    onRefused: () => refreshRef.current.all(),
    onDevicePresence: () => setDevicesMoved((n) => n + 1),
  });
  const live = useHallLive(office, snapshot, devicesMoved);

  const serviceDate = snapshot?.serviceDate ?? null;
  const timezone = snapshot?.timezone ?? 'Asia/Shanghai';
  const range = chosen ?? (serviceDate ? { from: serviceDate, to: serviceDate } : null);
  const rangeValid = range !== null && isLocalDate(range.from) && isLocalDate(range.to) && range.from <= range.to;
  const query = rangeValid ? range : null;

  const figures = useHallReport(office, query);
  const followUps = useFollowUps(office, query);
  useLayoutEffect(() => {
    refreshRef.current = {
      figures: figures.refresh,
      all: () => {
        figures.refresh();
        followUps.refresh();
      },
    };
  });

  const clockOffsetMs = useClockOffset(snapshot?.at);

  useEffect(() => {
    document.title = t('office.title');
  }, [t]);

  const recorded = (followUp: FollowUpView) => {
    followUps.update(followUp);
    setNotice({ kind: 'info', text: t(followUp.status === 'closed' ? 'office.done.fix' : 'office.done.callback', { number: followUp.number }) });
    refreshRef.current.all();
  };

  const logout = async () => {
    if (ended.current) return;
    ended.current = true;
    try {
      await onSignOut();
    } catch (error) {
      ended.current = false;
      setNotice({ kind: 'error', text: problemText(error, t) });
    }
  };

  const loadProblem = figures.problem ?? followUps.problem;
  return (
    <div className="office">
      <OfficeHeader
        hall={snapshot?.hall ?? ''}
        staff={staff}
        timezone={timezone}
        clockOffsetMs={clockOffsetMs}
        onSwitchLocale={onSwitchLocale}
        onChangePin={() => setChangingPin(true)}
        onLogout={() => void logout()}
      />
      {changingPin && (
        <ChangePinDialog
          page="office"
          api={api}
          token={token}
          onChanged={() => {
            setChangingPin(false);
            setNotice({ kind: 'info', text: t('pin.changed') });
          }}
          onClose={() => setChangingPin(false)}
        />
      )}
      <OfficeNotices
        notice={notice}
        offline={!connected && snapshot !== null}
        loadProblem={loadProblem === null || isSessionGone(loadProblem) ? null : problemText(loadProblem, t)}
        hall={snapshot}
        onDismiss={() => setNotice(null)}
        onHelpHandled={(id) => void office.helpHandled(id).catch((error: unknown) => setNotice({ kind: 'error', text: problemText(error, t) }))}
      />
      <nav className="office-views" aria-label={t('office.views')}>
        {[{ id: 'desk', label: 'office.view.desk' as const }, ...OFFICE_VIEWS].map((v) => (
          <button key={v.id} type="button" className="office-view-button" aria-current={v.id === viewId ? 'page' : undefined} onClick={() => setViewId(v.id)}>
            {t(v.label)}
            {v.id === LIVE_VIEW_ID && <LiveAlertCount snapshot={snapshot} live={live} />}
          </button>
        ))}
      </nav>
      {view !== null ? (
        <HallLiveContext value={live}>
          <view.View api={api} office={office} token={token} snapshot={snapshot} timezone={timezone} notify={setNotice} />
        </HallLiveContext>
      ) : (
        <main className="office-main">
          <Figures
            serviceDate={serviceDate}
            range={range}
            rangeValid={rangeValid}
            report={figures.report}
            onRange={setChosen}
          />
          <FollowUpList
            lists={followUps.lists}
            range={query}
            timezone={timezone}
            fresh={fresh}
            office={office}
            onRecorded={recorded}
            onStale={() => refreshRef.current.all()}
          />
        </main>
      )}
    </div>
  );
}
