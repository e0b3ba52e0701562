import { useEffect, type CSSProperties } from 'react';
import { formatDateTime, isUnattended, type CallView, type HallSnapshot, type StaffView, type WindowView } from '@hall/shared';
import { LocaleProvider, useClockOffset, useDeviceFeed, useNow, useT } from '@hall/shared/ui';
import { Connecting, ReconnectingBanner, screenLocale, useCategoryNames, useFitScale, useOfflineSince } from '../common/live';
import { RatingsSlide, slideDue, useMonthRatings } from './RatingsSlide';
import { callKey, useAnnouncements } from './use-announcements';

// The hall screen (大厅屏), 1920x1080 on the wall, read from across the hall: the call being
// made now, very large; the 7 calls before it; every window and what it is doing, so a visitor
// who missed a call finds it; who waits for what (and what nobody serves); who is on duty; the notice.

const WIDTH = 1920;
const HEIGHT = 1080;
/** Calls shown: the latest, large, and the ones before it in the list. */
const RECENT = 8;
/** Windows named one by one in the extended-service banner; more are listed by number only. */
const EXTENDED_IN_FULL = 6;

export function HallScreenApp() {
  return (
    <LocaleProvider locale={screenLocale(window.location.search)}>
      <HallScreen />
    </LocaleProvider>
  );
}

function HallScreen() {
  const { t } = useT();
  const announcements = useAnnouncements();
  const { snapshot, connected } = useDeviceFeed({ client: 'hall-screen' }, announcements.onEvent);
  const offlineSince = useOfflineSince(connected);
  const names = useCategoryNames(connected, snapshot?.setupVersion);
  const scale = useFitScale(WIDTH, HEIGHT);

  useEffect(() => {
    document.title = snapshot ? `${t('display.hallTitle')} · ${snapshot.hall}` : t('display.hallTitle');
  }, [snapshot, t]);

  const stale = !connected;
  return (
    <div className="hall-viewport">
      <div
        className={`hall${stale ? ' is-stale' : ''}`}
        data-testid="hall-screen"
        data-connected={connected}
        style={{ width: WIDTH, height: HEIGHT, transform: `scale(${scale})` }}
      >
        {snapshot ? (
          <>
            <HallHeader snapshot={snapshot} />
            <StorageDown snapshot={snapshot} />
            <ExtendedService snapshot={snapshot} />
            <main className="hall-main">
              <section className="hall-left">
                <LatestCall call={snapshot.recentCalls[0] ?? null} flashKey={announcements.flashKey} />
                <RecentCalls calls={snapshot.recentCalls.slice(1, RECENT)} />
              </section>
              <section className="hall-right">
                <BoardOrRatings snapshot={snapshot} />
                <Waiting snapshot={snapshot} names={names} />
                <Duty duty={snapshot.duty} />
              </section>
            </main>
            {announcements.blocked && <SoundBlockedHint />}
            <Ticker notice={snapshot.notice} openingHours={snapshot.openingHours} />
          </>
        ) : (
          <Connecting />
        )}
        {!connected && <ReconnectingBanner since={offlineSince} timeZone={snapshot?.timezone} />}
      </div>
    </div>
  );
}

/**
 * A wall screen has no control for visitors: when the browser blocks sound, the installer is told
 * how to allow it. (A click anywhere, by an installer with a mouse, also lets sound play.)
 */
function SoundBlockedHint() {
  const { t } = useT();
  return (
    <div className="hall-sound-blocked" role="alert" data-testid="sound-blocked">
      {t('display.soundBlocked')}
    </div>
  );
}

function HallHeader({ snapshot }: { snapshot: HallSnapshot }) {
  const { locale } = useT();
  // The server's clock, not the screen machine's (a PC on the wall is often minutes off): the
  // offset is taken from each full snapshot, stamped with the server's time.
  const now = useNow(1000) + useClockOffset(snapshot.at);
  return (
    <header className="hall-header">
      <h1 className="hall-name">{snapshot.hall}</h1>
      <div className="hall-clock" data-testid="hall-clock">
        {formatDateTime(now, snapshot.timezone, locale)}
      </div>
    </header>
  );
}

function ExtendedService({ snapshot }: { snapshot: HallSnapshot }) {
  const { t } = useT();
  const extended = snapshot.windows.filter((w) => w.extendedService);
  if (extended.length === 0) return null;
  // "3号窗口、5号窗口"; when that is too long for one line, "1—3、5、7—9号窗口".
  const windows =
    extended.length <= EXTENDED_IN_FULL
      ? extended.map((w) => t('display.toWindow', { windowNo: w.no })).join(t('display.listSeparator'))
      : t('display.toWindow', {
          windowNo: numberRuns(extended.map((w) => w.no))
            .map(([from, to]) => (from === to ? String(from) : t('display.range', { from, to })))
            .join(t('display.listSeparator')),
        });
  return (
    <div className="hall-extended" data-testid="extended-service" role="status">
      {t('display.extendedService', { windows })}
    </div>
  );
}

/** The hall's disk takes no writes (issue 17): visitors read that no ticket is issued now, and whom to ask. */
function StorageDown({ snapshot }: { snapshot: HallSnapshot }) {
  const { t } = useT();
  if (snapshot.storage.writable) return null;
  return (
    <div className="hall-storage-down" data-testid="storage-down" role="alert">
      {t('storage.hall')}
    </div>
  );
}

/** [1, 2, 3, 5, 7, 8] -> [[1, 3], [5, 5], [7, 8]] */
export function numberRuns(numbers: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const n of [...numbers].sort((a, b) => a - b)) {
    const last = runs.at(-1);
    if (last && n === last[1] + 1) last[1] = n;
    else runs.push([n, n]);
  }
  return runs;
}

function LatestCall({ call, flashKey }: { call: CallView | null; flashKey: string | null }) {
  const { t } = useT();
  if (!call) {
    return (
      <div className="latest latest-empty" data-testid="latest-call">
        {t('display.noCalls')}
      </div>
    );
  }
  const key = callKey(call);
  return (
    // A new key for each call: the element is made anew and its flash plays from the start.
    <div key={key} className={`latest${key === flashKey ? ' is-flashing' : ''}`} data-testid="latest-call" data-number={call.number} data-window={call.windowNo}>
      <div className="latest-label">
        {t('display.nowCalling')}
        {call.recall && <span className="recall-tag">{t('display.recall')}</span>}
      </div>
      <div className="latest-call">
        <span className="latest-number" data-testid="latest-number">
          {call.number}
        </span>
        <span className="latest-where">
          <span className="latest-arrow" aria-hidden="true">
            →{' '}
          </span>
          <span className="latest-window">{t('display.toWindow', { windowNo: call.windowNo })}</span>
        </span>
      </div>
      <div className="latest-window-name">{call.windowName}</div>
    </div>
  );
}

/** The calls before the latest (which stands large beside them), newest first. */
function RecentCalls({ calls }: { calls: CallView[] }) {
  const { t } = useT();
  const rows = calls;
  return (
    <div className="panel recent">
      <h2 className="panel-title">{t('display.recentCalls')}</h2>
      <ol className="recent-list" data-testid="recent-calls">
        {rows.map((call, i) => (
          // By place: the same call may stand twice (a call and its recall in the same instant).
          <li key={i} className="recent-row" data-number={call.number} data-window={call.windowNo} data-recall={call.recall}>
            <span className="recent-number">{call.number}</span>
            <span className="recent-window">{t('display.toWindow', { windowNo: call.windowNo })}</span>
            <span className="recent-tag">{call.recall && <span className="recall-tag">{t('display.recall')}</span>}</span>
          </li>
        ))}
        {Array.from({ length: RECENT - 1 - rows.length }, (_, i) => (
          <li key={`empty-${i}`} className="recent-row recent-empty" aria-hidden="true" />
        ))}
      </ol>
    </div>
  );
}

/** The window board, giving way now and then to the month's ratings while no call is fresh (RatingsSlide). */
function BoardOrRatings({ snapshot }: { snapshot: HallSnapshot }) {
  const now = useNow(1000) + useClockOffset(snapshot.at);
  const ratings = useMonthRatings(snapshot.serviceDate.slice(0, 7));
  const lastCall = snapshot.recentCalls[0];
  const showRatings = ratings !== null && slideDue(now, lastCall ? Date.parse(lastCall.calledAt) : null);
  return showRatings ? <RatingsSlide ratings={ratings} /> : <WindowBoard windows={snapshot.windows} />;
}

/** Every window: its number and the number it serves now, or 空闲 / 暂停 / 未开放. */
function WindowBoard({ windows }: { windows: WindowView[] }) {
  const { t } = useT();
  return (
    <div className="panel board">
      <h2 className="panel-title">{t('display.board')}</h2>
      <ul className="board-grid" data-testid="window-board">
        {windows.map((w) => {
          const state = w.state === 'open' ? (w.servingNumber === null ? 'idle' : 'serving') : w.state;
          const text =
            state === 'serving'
              ? w.servingNumber
              : t(state === 'idle' ? 'display.boardIdle' : state === 'paused' ? 'display.boardPaused' : 'display.boardClosed');
          return (
            <li key={w.no} className={`board-cell is-${state}`} data-window={w.no} data-state={state} data-number={w.servingNumber ?? undefined}>
              <span className="board-no">{t('display.boardWindow', { windowNo: w.no })}</span>
              <span className="board-state">{text}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** People waiting per category; a category with people waiting and no open window says so. */
function Waiting({ snapshot, names }: { snapshot: HallSnapshot; names: Map<string, string> }) {
  const { t } = useT();
  // Before opening time (the server's clock) the windows are still expected to open.
  const now = useNow(30_000) + useClockOffset(snapshot.at);
  const unattended = snapshot.categories.filter((c) => c.waiting > 0 && isUnattended(c.code, snapshot.windows, now, snapshot));
  return (
    <div className="panel waiting">
      <h2 className="panel-title">{t('display.waiting')}</h2>
      <ul className="waiting-grid" data-testid="waiting">
        {snapshot.categories.map((c) => {
          const alone = unattended.includes(c);
          return (
            <li key={c.code} className={`waiting-cell${alone ? ' is-unattended' : ''}`} data-category={c.code} data-waiting={c.waiting} data-unattended={alone}>
              <span className="waiting-name">
                <span className="waiting-code">{c.code}</span>
                <span className="waiting-label">{names.get(c.code) ?? ''}</span>
              </span>
              <span className={`waiting-count${c.waiting === 0 ? ' is-zero' : ''}`}>{t('display.people', { count: c.waiting })}</span>
            </li>
          );
        })}
      </ul>
      {unattended.length > 0 && (
        <p className="waiting-note" data-testid="unattended-note">
          {t('display.unattendedNote', {
            categories: unattended.map((c) => names.get(c.code) ?? c.code).join(t('display.listSeparator')),
          })}
        </p>
      )}
    </div>
  );
}

function Person({ person }: { person: StaffView }) {
  const { t } = useT();
  return (
    <span className="person" data-staff-no={person.staffNo}>
      <span className="person-name">{person.name}</span>
      <span className="person-no">{t('display.staffNo', { staffNo: person.staffNo })}</span>
    </span>
  );
}

function Duty({ duty }: { duty: HallSnapshot['duty'] }) {
  const { t } = useT();
  return (
    <div className="panel duty" data-testid="duty">
      <div className="duty-row" data-testid="duty-captain">
        <h2 className="duty-role">{t('display.dutyCaptain')}</h2>
        <div className="duty-people">{duty.captain ? <Person person={duty.captain} /> : <span className="nobody">{t('display.nobody')}</span>}</div>
      </div>
      <div className="duty-row" data-testid="duty-guides">
        <h2 className="duty-role">{t('display.guides')}</h2>
        <div className="duty-people">
          {duty.guides.length > 0 ? duty.guides.map((g) => <Person key={g.staffNo} person={g} />) : <span className="nobody">{t('display.nobody')}</span>}
        </div>
      </div>
    </div>
  );
}

/** The notice runs across the foot of the screen; without one, the opening hours stand there. */
function Ticker({ notice, openingHours }: { notice: string; openingHours: HallSnapshot['openingHours'] }) {
  const { t } = useT();
  const text = notice.trim();
  if (!text) {
    return (
      <footer className="hall-ticker is-still" data-testid="ticker">
        {t('display.openingHours', openingHours)}
      </footer>
    );
  }
  // About 150 px a second across the screen and the text's own length.
  const seconds = Math.max(12, Math.round((WIDTH + text.length * 44) / 150));
  return (
    <footer className="hall-ticker" data-testid="ticker">
      <span key={text} className="ticker-track" data-testid="notice" style={{ '--ticker-seconds': `${seconds}s` } as CSSProperties}>
        {text}
      </span>
    </footer>
  );
}
