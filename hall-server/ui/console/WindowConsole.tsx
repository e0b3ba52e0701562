import { useEffect, useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { EvaluationRecorded, isAfterClosing, WindowActionReply, type ServerEventName, type TransferBody, type WindowAction } from '@hall/shared';
import { type DeskProps, problemText, useCategories, useClockOffset, useHallFeed, useNow, useT } from '@hall/shared/ui';
import { actionEnabled, type ConsoleAction, type DialogKind } from './actions';
import { Actions } from './Actions';
import { ConsoleHeader } from './ConsoleHeader';
import { isSessionGone, restore, type ConsoleSession } from './console-session';
import { CurrentTicket } from './CurrentTicket';
import { categoryName } from './names';
import { Notices, type Notice } from './Notices';
import { NumberDialog } from './NumberDialog';
import { PauseDialog } from './PauseDialog';
import { TransferDialog } from './TransferDialog';
import { useConsoleKeys } from './use-console-keys';
import { useWindowSummary } from './use-window-summary';
import { WindowDay } from './WindowDay';

type Outcome = { ok: true; reply: WindowActionReply } | { ok: false; message: string } | null;

const DIALOGS: readonly ConsoleAction[] = ['transfer', 'pause', 'call', 'reactivate'];
const isDialog = (action: ConsoleAction): action is DialogKind => DIALOGS.includes(action);

/** The signed-in console: the ticket in hand, the actions, the window's queue and day. */
export function WindowConsole({ api, session, onSwitchLocale, onSessionGone, onSignOut }: DeskProps<ConsoleSession>) {
  const { t, locale } = useT();
  const { token, staff, windowNo } = session;
  const { summary, refresh, applyAction } = useWindowSummary(api, windowNo, locale);

  const [notice, setNotice] = useState<Notice | null>(null);
  // Anything that can change this window's queue or state: look again.
  const onEvent = (event: ServerEventName, payload: unknown) => {
    if (event === 'hall:snapshot' || event === 'queue:changed' || event === 'window:changed') refresh();
    if (event === 'evaluation:recorded') {
      // The visitor's answer at the pad (or its silence) is shown to the staff member who served them.
      const recorded = EvaluationRecorded.safeParse(payload);
      if (!recorded.success) return;
      const { status, level, number } = recorded.data;
      setNotice({
        kind: 'info',
        text:
          status === 'rated' && level !== null
            ? t('console.evaluation.rated', { number, level: t(`evaluation.level.${level}`) })
            : t('console.evaluation.unrated', { number }),
      });
    }
  };
  const { snapshot, connected } = useHallFeed(window.location.origin, { client: 'console', windowNo }, onEvent);

  // A line down for more than a moment is worth saying; the first connect is not.
  const [offline, setOffline] = useState(false);
  useEffect(() => {
    if (connected) return;
    const timer = setTimeout(() => setOffline(true), 2000);
    return () => {
      clearTimeout(timer);
      setOffline(false);
    };
  }, [connected]);

  const clockOffsetMs = useClockOffset(snapshot?.at);
  const now = useNow(5000) + clockOffsetMs;

  const categories = useCategories(api, connected);

  /** Set when this console signs out or goes away: late answers then change nothing. */
  const ended = useRef(false);
  useEffect(
    () => () => {
      ended.current = true;
    },
    [],
  );

  // Someone else now holds this window: ask whether this session still stands.
  const holder = summary?.window.staff?.staffNo ?? null;
  useEffect(() => {
    if (summary === null || holder === staff.staffNo || ended.current) return;
    restore(api, token, locale).catch((error) => !ended.current && isSessionGone(error) && onSessionGone());
    // Only a new holder of the window raises the question; the session's own values never change here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [holder]);

  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);
  const [dialog, setDialog] = useState<DialogKind | null>(null);
  const [dialogProblem, setDialogProblem] = useState<string | null>(null);
  const [caseNo, setCaseNo] = useState('');
  const caseNoInput = useRef<HTMLInputElement>(null);

  /** The window as last heard of, ahead of the next render: an action's reply updates it at once. */
  const windowRef = useRef(summary?.window ?? null);
  useLayoutEffect(() => {
    if (summary) windowRef.current = summary.window;
  }, [summary]);
  /** A key pressed while a request is on its way (办结 then at once 叫号) runs after it, if it still makes sense. */
  const pending = useRef<ConsoleAction | null>(null);
  const actRef = useRef<(action: ConsoleAction) => void>(() => undefined);

  /** One request at a time. */
  const post = async (action: WindowAction, body?: unknown): Promise<Outcome> => {
    if (busyRef.current) return null;
    busyRef.current = true;
    setBusy(true);
    let gone = false;
    try {
      const reply = await api.request('POST', `/api/windows/${windowNo}/${action}`, WindowActionReply, {
        token,
        locale,
        ...(body === undefined ? {} : { body }),
      });
      windowRef.current = reply.window;
      applyAction(reply.window, reply.ticket);
      return { ok: true, reply };
    } catch (error) {
      if (isSessionGone(error)) {
        gone = true;
        onSessionGone();
        return null;
      }
      pending.current = null;
      refresh();
      return { ok: false, message: problemText(error, t) };
    } finally {
      busyRef.current = false;
      setBusy(false);
      const next = pending.current;
      pending.current = null;
      if (next && !gone) actRef.current(next);
    }
  };

  /** A direct action: its refusal, or what it did when the screen would not show it otherwise. */
  const direct = async (action: WindowAction, body?: unknown) => {
    setNotice(null);
    const outcome = await post(action, body);
    if (outcome === null) return;
    if (!outcome.ok) return setNotice({ kind: 'error', text: outcome.message });
    const number = outcome.reply.ticket?.number;
    if (action === 'finish') setCaseNo('');
    if ((action === 'finish' || action === 'no-show' || action === 'request-evaluation') && number) {
      setNotice({ kind: 'info', text: t(`console.done.${action}`, { number }) });
    }
  };

  /** A dialog's action: closes it when done, keeps it open with the refusal when not. */
  const fromDialog = async (action: WindowAction, body: unknown, done?: (reply: WindowActionReply) => string) => {
    setDialogProblem(null);
    const outcome = await post(action, body);
    if (outcome === null) return;
    if (!outcome.ok) return setDialogProblem(outcome.message);
    setDialog(null);
    setNotice(done ? { kind: 'info', text: done(outcome.reply) } : null);
  };

  const act = (action: ConsoleAction) => {
    if (busyRef.current) {
      pending.current = action;
      return;
    }
    if (windowRef.current === null || !actionEnabled(action, windowRef.current)) return;
    if (isDialog(action)) {
      setDialogProblem(null);
      setDialog(action);
      return;
    }
    if (action === 'finish') {
      const trimmed = caseNo.trim();
      return void direct('finish', trimmed ? { caseNo: trimmed } : {});
    }
    void direct(action);
  };

  useLayoutEffect(() => {
    actRef.current = act;
  });

  // The transfer dialog is about the ticket in hand; with none left it has nothing to show.
  const openDialog = dialog === 'transfer' && !summary?.current ? null : dialog;
  useConsoleKeys({ paused: summary?.window.state === 'paused', dialogOpen: openDialog !== null, onAction: act });

  const logout = async () => {
    if (busyRef.current) return;
    setNotice(null);
    ended.current = true;
    try {
      await onSignOut();
    } catch (error) {
      ended.current = false;
      setNotice({ kind: 'error', text: problemText(error, t) });
    }
  };

  const submitCaseNo = (event: FormEvent) => {
    event.preventDefault();
    act('finish');
  };

  const window_ = summary?.window ?? null;
  const current = summary?.current ?? null;
  const waitingHere = summary ? summary.waiting.reduce((sum, c) => sum + c.waiting, 0) + summary.sentHere : 0;
  const extend =
    window_ === null || snapshot === null
      ? null
      : window_.extendedService
        ? ({ kind: 'banner' } as const)
        : isAfterClosing(now, snapshot) && waitingHere > 0
          ? ({ kind: 'prompt', waiting: waitingHere } as const)
          : null;

  const known = current ? categories.find((c) => c.code === current.category) : undefined;
  const currentCategory = current ? (known ? categoryName(known, locale) : current.categoryName) : '';

  useEffect(() => {
    document.title = `${t('console.windowLabel', { no: windowNo })} · ${t('console.title')}`;
    // `t` is made anew on every render; the locale is what changes its words.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [locale, windowNo]);

  const transferDone = (reply: WindowActionReply) => {
    const ticket = reply.ticket;
    if (!ticket) return '';
    if (ticket.targetWindowNo !== null) return t('console.done.transferWindow', { number: ticket.number, windowNo: ticket.targetWindowNo });
    const category = categories.find((c) => c.code === ticket.category);
    return t('console.done.transferCategory', { number: ticket.number, category: category ? categoryName(category, locale) : ticket.category });
  };

  return (
    <div className="console">
      <ConsoleHeader
        hall={snapshot?.hall ?? ''}
        window={window_}
        windowNo={windowNo}
        staff={staff}
        timezone={snapshot?.timezone ?? 'Asia/Shanghai'}
        clockOffsetMs={clockOffsetMs}
        onSwitchLocale={onSwitchLocale}
        onLogout={() => void logout()}
      />
      <Notices
        notice={notice}
        offline={offline}
        pauseReason={window_?.state === 'paused' ? (window_.pauseReason ?? '') : null}
        extend={extend}
        deviceFaults={snapshot?.deviceFaults ?? []}
        busy={busy}
        onDismiss={() => setNotice(null)}
        onExtend={() => void direct('extend-service')}
      />
      {summary === null || window_ === null ? (
        <main className="console-main console-loading">
          <p role="status">{t('console.loading')}</p>
        </main>
      ) : (
        <main className="console-main">
          <section className="console-work">
            <CurrentTicket ticket={current} categoryName={currentCategory} window={window_} clockOffsetMs={clockOffsetMs} />
            <form className="console-case" onSubmit={submitCaseNo}>
              <label className="console-field console-field-inline">
                <span>{t('console.caseNo')}</span>
                <input
                  ref={caseNoInput}
                  name="caseNo"
                  maxLength={64}
                  autoComplete="off"
                  placeholder={t('console.caseNoHint')}
                  disabled={current === null}
                  value={caseNo}
                  onChange={(e) => setCaseNo(e.target.value)}
                  onKeyDown={(e) => e.key === 'Escape' && caseNoInput.current?.blur()}
                />
              </label>
            </form>
            <Actions window={window_} busy={busy} onAction={act} />
          </section>
          <WindowDay summary={summary} categories={categories} />
        </main>
      )}
      {openDialog === 'transfer' && current && (
        <TransferDialog
          ticket={current}
          windowNo={windowNo}
          categories={categories}
          windows={snapshot?.windows ?? []}
          problem={dialogProblem}
          busy={busy}
          onTransfer={(body: TransferBody) => void fromDialog('transfer', body, transferDone)}
          onClose={() => setDialog(null)}
        />
      )}
      {openDialog === 'pause' && (
        <PauseDialog problem={dialogProblem} busy={busy} onPause={(body) => void fromDialog('pause', body)} onClose={() => setDialog(null)} />
      )}
      {(dialog === 'call' || dialog === 'reactivate') && (
        <NumberDialog
          kind={dialog}
          problem={dialogProblem}
          busy={busy}
          onNumber={(number) =>
            void fromDialog(dialog, { number }, dialog === 'reactivate' ? (reply) => t('console.done.reactivate', { number: reply.ticket?.number ?? number }) : undefined)
          }
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  );
}
