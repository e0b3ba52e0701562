import { useCallback, useEffect, useLayoutEffect, useReducer, useRef, useState, type FormEvent } from 'react';
import { EvaluationRecorded, HelpRequestReply, isAfterClosing, WindowActionReply, WindowsReply, type ServerEventName, type TransferBody, type WindowAction } from '@hall/shared';
import { ChangePinDialog, type DeskProps, problemText, useCategories, useClockOffset, useHallFeed, useNow, useT } from '@hall/shared/ui';
import type { ConsoleAction } from './actions';
import { Actions } from './Actions';
import { ConsoleHeader } from './ConsoleHeader';
import { isSessionGone, restore, type ConsoleSession } from './console-session';
import { consoleReducer, initialConsoleState, press, undoSecondsLeft, type ConsoleNotice } from './console-state';
import { CurrentTicket } from './CurrentTicket';
import { chosenItem, loadItemChoices, saveItemChoices, type ItemChoices } from './item-choices';
import { ItemDialog } from './ItemDialog';
import { categoryNameOf } from './names';
import { Notices, type Notice } from './Notices';
import { NumberDialog } from './NumberDialog';
import { PauseDialog } from './PauseDialog';
import { TransferDialog } from './TransferDialog';
import { useConsoleKeys } from './use-console-keys';
import { useWindowSummary } from './use-window-summary';
import { WindowDay } from './WindowDay';

/** The signed-in console: the ticket in hand, the actions, the window's queue and day. */
export function WindowConsole({ api, session, onSwitchLocale, onSessionGone, onSignOut }: DeskProps<ConsoleSession>) {
  const { t, locale } = useT();
  const { token, staff, windowNo } = session;

  const [state, dispatch] = useReducer(consoleReducer, 0, initialConsoleState);
  /** The state as of the last reply, ahead of the next render: keys pressed in a row see it. */
  const stateRef = useRef(state);
  useLayoutEffect(() => {
    stateRef.current = state;
  }, [state]);

  /** Set when this console signs out or goes away: late answers then change nothing. */
  const ended = useRef(false);
  useEffect(
    () => () => {
      ended.current = true;
    },
    [],
  );
  const sessionGone = useCallback(
    (why?: string) => {
      if (ended.current) return;
      if (why !== undefined) return onSessionGone(why);
      // The session may have ended with the window (an administrator removed it), and a refused
      // request can come before the snapshot that says so: ask which, so the reason is told.
      void api.request('GET', '/api/windows', WindowsReply).then(
        ({ windows }) => {
          if (!ended.current) onSessionGone(windows.some((w) => w.no === windowNo) ? undefined : t('console.windowRemoved'));
        },
        () => {
          if (!ended.current) onSessionGone();
        },
      );
    },
    [api, onSessionGone, t, windowNo],
  );

  const { refresh, replied } = useWindowSummary({
    api,
    windowNo,
    token,
    locale,
    onSummary: (summary) => dispatch({ type: 'summary', summary }),
    onSessionGone: sessionGone,
  });

  // Anything that can change this window's queue or state: look again.
  const onEvent = (event: ServerEventName, payload: unknown) => {
    if (event === 'hall:snapshot' || event === 'queue:changed' || event === 'window:changed') refresh();
    if (event === 'evaluation:recorded') {
      // The visitor's answer at the pad (or its silence) is shown to the staff member who served them.
      const recorded = EvaluationRecorded.safeParse(payload);
      if (recorded.success) dispatch({ type: 'evaluated', recorded: recorded.data });
    }
  };
  // The session's token opens the window's own room; the server closes the line when the session ends.
  const onRefused = () => {
    if (!ended.current) restore(api, token, locale).catch((error) => isSessionGone(error) && sessionGone());
  };
  const { snapshot, connected } = useHallFeed(window.location.origin, { client: 'console', windowNo, token }, onEvent, onRefused);

  // An administrator removed this window: its sessions ended with it. Say so, rather than that
  // someone signed in elsewhere.
  const windowRemoved = snapshot !== null && !snapshot.windows.some((w) => w.no === windowNo);
  useEffect(() => {
    if (windowRemoved) sessionGone(t('console.windowRemoved'));
  }, [windowRemoved, sessionGone, t]);

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
  const now = useNow(500) + clockOffsetMs;
  // The flash and the undo offer run on the clock.
  useEffect(() => dispatch({ type: 'tick', now }), [now]);

  const categories = useCategories(api, connected, snapshot?.setupVersion);

  /** The 事项 this window chose last per category, offered again for the next visit of it. */
  const [itemChoices, setItemChoices] = useState<ItemChoices>(() => loadItemChoices(windowNo));
  const [pickingItem, setPickingItem] = useState(false);

  // Someone else now holds this window: ask whether this session still stands.
  const holder = state.summary?.window.staff?.staffNo ?? null;
  useEffect(() => {
    if (state.summary === null || holder === staff.staffNo || ended.current) return;
    restore(api, token, locale).catch((error) => isSessionGone(error) && sessionGone());
    // Only a new holder of the window raises the question; the session's own values never change here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [holder]);

  const busyRef = useRef(false);
  /** A key pressed while a request is on its way (办结 then at once 叫号) runs after it, if it still makes sense. */
  const pending = useRef<ConsoleAction | null>(null);
  const actRef = useRef<(action: ConsoleAction) => void>(() => undefined);

  /** One request at a time; the reducer hears how it went. */
  const post = async (action: WindowAction, body: unknown, fromDialog: boolean): Promise<void> => {
    if (busyRef.current) return;
    busyRef.current = true;
    dispatch({ type: 'sending', fromDialog });
    stateRef.current = { ...stateRef.current, busy: true };
    let gone = false;
    try {
      const reply = await api.request('POST', `/api/windows/${windowNo}/${action}`, WindowActionReply, {
        token,
        locale,
        ...(body === undefined ? {} : { body }),
      });
      const event = { type: 'replied', action, reply, now: Date.now() + clockOffsetMs } as const;
      dispatch(event);
      stateRef.current = consoleReducer(stateRef.current, event);
      replied();
    } catch (error) {
      if (isSessionGone(error)) {
        gone = true;
        dispatch({ type: 'dropped' });
        sessionGone();
        return;
      }
      pending.current = null;
      dispatch({ type: 'refused', message: problemText(error, t) });
      stateRef.current = { ...stateRef.current, busy: false };
      refresh();
    } finally {
      busyRef.current = false;
      const next = pending.current;
      pending.current = null;
      if (next && !gone) actRef.current(next);
    }
  };

  const act = (action: ConsoleAction) => {
    const inHand = stateRef.current.summary?.current?.category;
    const decision = press({ ...stateRef.current, busy: busyRef.current }, action, chosenItem(itemChoices, inHand, categories)?.code ?? null);
    switch (decision.kind) {
      case 'queue':
        pending.current = action;
        return;
      case 'ignore':
        return;
      case 'dialog':
        return dispatch({ type: 'openDialog', dialog: decision.dialog });
      case 'send':
        return void post(action, decision.body, false);
    }
  };
  useLayoutEffect(() => {
    actRef.current = act;
  });

  /** 修改密码 is open: its own dialog, outside the window actions' ones. */
  const [changingPin, setChangingPin] = useState(false);
  useConsoleKeys({ paused: state.summary?.window.state === 'paused', dialogOpen: state.dialog !== null || changingPin || pickingItem, onAction: act });

  const logout = async () => {
    if (busyRef.current) return;
    dispatch({ type: 'dismiss' });
    ended.current = true;
    try {
      await onSignOut();
    } catch (error) {
      ended.current = false;
      dispatch({ type: 'problem', message: problemText(error, t) });
    }
  };

  const submitCaseNo = (event: FormEvent) => {
    event.preventDefault();
    act('finish');
  };

  useEffect(() => {
    document.title = `${t('console.windowLabel', { no: windowNo })} · ${t('console.title')}`;
    // `t` is made anew on every render; the locale is what changes its words.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [locale, windowNo]);

  const { summary, busy, dialog, dialogProblem } = state;
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
  const nameOf = (code: string) => categoryNameOf(code, categories, locale);
  const itemInHand = chosenItem(itemChoices, current?.category, categories);
  const chooseItem = (code: string | null) => {
    setPickingItem(false);
    if (!current) return;
    const { [current.category]: _previous, ...others } = itemChoices;
    const next = code === null ? others : { ...others, [current.category]: code };
    setItemChoices(next);
    saveItemChoices(windowNo, next);
  };
  const undoLeft = undoSecondsLeft(state);

  const noticeText = (notice: ConsoleNotice): Notice => {
    switch (notice.kind) {
      case 'error':
        return { kind: 'error', text: notice.message };
      case 'done':
        return { kind: 'info', text: t(`console.done.${notice.action}`, { number: notice.number }) };
      case 'transferred':
        return {
          kind: 'info',
          text:
            notice.toWindowNo !== null
              ? t('console.done.transferWindow', { number: notice.number, windowNo: notice.toWindowNo })
              : t('console.done.transferCategory', { number: notice.number, category: nameOf(notice.toCategory) }),
        };
      case 'pin-changed':
        return { kind: 'info', text: t('pin.changed') };
      case 'rated':
        return {
          kind: 'info',
          text:
            notice.level !== null
              ? t('console.evaluation.rated', { number: notice.number, level: t(`evaluation.level.${notice.level}`) })
              : t('console.evaluation.unrated', { number: notice.number }),
        };
    }
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
        onChangePin={() => setChangingPin(true)}
        onLogout={() => void logout()}
      />
      <Notices
        notice={state.notice && noticeText(state.notice)}
        offline={offline}
        pauseReason={window_?.state === 'paused' ? (window_.pauseReason ?? '') : null}
        extend={extend}
        hall={snapshot}
        staffNo={staff.staffNo}
        busy={busy}
        onDismiss={() => dispatch({ type: 'dismiss' })}
        onExtend={() => void post('extend-service', undefined, false)}
        onHelpHandled={(id) =>
          void api.request('POST', `/api/help-requests/${id}/handled`, HelpRequestReply, { token, locale }).catch((error: unknown) =>
            dispatch({ type: 'problem', message: problemText(error, t) }),
          )
        }
      />
      {summary === null || window_ === null ? (
        <main className="console-main console-loading">
          <p role="status">{t('console.loading')}</p>
        </main>
      ) : (
        <main className="console-main">
          <section className="console-work">
            <CurrentTicket
              ticket={current}
              categoryName={current ? (categories.length > 0 ? nameOf(current.category) : current.categoryName) : ''}
              fromCategoryName={current?.transfer ? nameOf(current.transfer.fromCategory) : ''}
              window={window_}
              clockOffsetMs={clockOffsetMs}
              recalled={state.recalled !== null && state.recalled.number === current?.number}
              undo={state.undo && undoLeft > 0 ? { number: state.undo.number, secondsLeft: undoLeft } : null}
              busy={busy}
              onUndo={() => state.undo && void post('undo-no-show', { number: state.undo.number }, false)}
            />
            <form className="console-case" onSubmit={submitCaseNo}>
              <label className="console-field console-field-inline">
                <span>{t('console.caseNo')}</span>
                <input
                  name="caseNo"
                  maxLength={64}
                  autoComplete="off"
                  placeholder={t('console.caseNoHint')}
                  disabled={current === null}
                  value={state.caseNo}
                  onChange={(e) => dispatch({ type: 'caseNo', text: e.target.value })}
                  onKeyDown={(e) => e.key === 'Escape' && e.currentTarget.blur()}
                />
              </label>
              <button
                type="button"
                className="console-item-pick"
                data-testid="item-pick"
                disabled={current === null}
                title={itemInHand?.name}
                onClick={() => setPickingItem(true)}
              >
                <span>{t('console.item.label')}</span>
                {itemInHand ? (
                  <span className="console-item-pick-name">{itemInHand.name}</span>
                ) : (
                  <span className="console-item-pick-name console-item-pick-none">{t('console.item.notChosen')}</span>
                )}
              </button>
            </form>
            <Actions window={window_} busy={busy} onAction={act} />
          </section>
          <WindowDay summary={summary} categories={categories} />
        </main>
      )}
      {dialog === 'transfer' && current && (
        <TransferDialog
          ticket={current}
          windowNo={windowNo}
          categories={categories}
          windows={snapshot?.windows ?? []}
          problem={dialogProblem}
          busy={busy}
          onTransfer={(body: TransferBody) => void post('transfer', body, true)}
          onClose={() => dispatch({ type: 'closeDialog' })}
        />
      )}
      {dialog === 'pause' && (
        <PauseDialog problem={dialogProblem} busy={busy} onPause={(body) => void post('pause', body, true)} onClose={() => dispatch({ type: 'closeDialog' })} />
      )}
      {(dialog === 'call' || dialog === 'reactivate') && summary && (
        <NumberDialog
          kind={dialog}
          choices={dialog === 'call' ? summary.queue : summary.noShows}
          problem={dialogProblem}
          busy={busy}
          onNumber={(number) => void post(dialog, { number }, true)}
          onClose={() => dispatch({ type: 'closeDialog' })}
        />
      )}
      {pickingItem && current && (
        <ItemDialog
          items={categories.find((c) => c.code === current.category)?.items ?? []}
          chosen={itemInHand?.code ?? null}
          onChoose={chooseItem}
          onClose={() => setPickingItem(false)}
        />
      )}
      {changingPin && (
        <ChangePinDialog
          page="console"
          api={api}
          token={token}
          onChanged={() => {
            setChangingPin(false);
            dispatch({ type: 'pinChanged' });
          }}
          onClose={() => setChangingPin(false)}
        />
      )}
    </div>
  );
}
