import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { apiFailure, isPoorRating, RateReply, type EvaluationRequested, type Locale, type SatisfactionLevel } from '@hall/shared';
import { LocaleProvider, useDevice, useDeviceFeed, useT } from '@hall/shared/ui';
import { IdleScreen } from './IdleScreen';
import { LevelFace } from './LevelFace';
import { LevelScreen } from './LevelScreen';
import { actionForEvent, heldChange, initialPadState, padReducer, poorRatingBody, secondsLeft, type PadAction, type PadRateBody } from './pad-state';
import { ReasonScreen, type ReasonHandlers } from './ReasonScreen';
import { useHeldRating } from './use-held-rating';

// The evaluation pad (评价器) facing the visitor at a window: idle between visitors, then, when
// the window finishes a ticket, the five national levels; a poor one asks why. Every rating is
// the server's to accept: the pad shows its answer, in the server's own Chinese words.

/** How often the countdown and the screens' time-outs are looked at. */
const TICK_MS = 250;

/** The pad at `windowNo` (inside DeviceGate), or what is wrong with an address naming no window. */
export function PadApp({ windowNo }: { windowNo: number | null }) {
  // Chinese unless a visitor switches; back to Chinese for the next visitor.
  const [locale, setLocale] = useState<Locale>('zh-CN');
  return (
    <LocaleProvider locale={locale}>
      {windowNo === null ? <BadAddress /> : <Pad windowNo={windowNo} onLocale={setLocale} />}
    </LocaleProvider>
  );
}

function BadAddress() {
  const { t } = useT();
  return (
    <div className="pad">
      <PadProblem message={t('pad.badAddress')} />
    </div>
  );
}

function PadProblem({ message }: { message: string }) {
  const { t } = useT();
  return (
    <main className="pad-body pad-problem" role="alert" data-testid="pad-problem">
      <p className="pad-problem-message">{message}</p>
      <p className="pad-problem-hint">{t('pad.problemHint')}</p>
    </main>
  );
}

/** Refusals that say the pad itself is set up wrong: no rating from it can succeed. */
const SETUP_ERRORS: ReadonlySet<string> = new Set(['DEVICE_NOT_REGISTERED', 'EVALUATION_WRONG_WINDOW']);

function Pad({ windowNo, onLocale }: { windowNo: number; onLocale: (locale: Locale) => void }) {
  const { t, locale } = useT();
  // Its credential says which pad it is: every request and its socket carry it.
  const { api } = useDevice();
  const [state, dispatch] = useReducer(padReducer, undefined, () => initialPadState(Date.now()));
  const { snapshot, connected } = useDeviceFeed({ client: 'pad', windowNo }, (event, payload) => {
    const action = actionForEvent(windowNo, event, payload, Date.now());
    if (action) dispatch(action);
  });
  // Kept on the idle screen after a refusal of that kind, so the staff see it and call for help.
  const [setupProblem, setSetupProblem] = useState<string | null>(null);
  const sending = useRef(false);
  const { screen } = state;

  const active = screen.kind !== 'idle';
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => dispatch({ type: 'tick', now: Date.now() }), TICK_MS);
    return () => clearInterval(timer);
  }, [active]);
  useEffect(() => {
    if (!active) onLocale('zh-CN');
  }, [active, onLocale]);

  const onHeld = useCallback((request: EvaluationRequested) => dispatch({ type: 'held', request, now: Date.now() }), []);
  const held = useHeldRating(api, onHeld);
  /** A touch once a poor level is chosen: on screen at once, and held on the server (or let go on 返回). */
  const touch = (action: PadAction) => {
    const next = padReducer(state, action);
    dispatch(action);
    const change = heldChange(state.screen, next.screen);
    if (change) held.push(change);
  };
  // The reasons screen left any way (time out, rated, answered elsewhere): a hold still waiting goes now.
  const onReasons = screen.kind === 'reason';
  useEffect(() => {
    if (!onReasons) held.flush();
  }, [onReasons, held]);

  useEffect(() => {
    document.title = t('pad.title', { windowNo });
  }, [t, windowNo]);

  const send = useCallback(
    async (body: PadRateBody) => {
      // A second tap while the first is on its way would only be refused as 已评价.
      if (sending.current) return;
      sending.current = true;
      dispatch({ type: 'sending', ticketId: body.ticketId });
      try {
        await api.request('POST', '/api/evaluations', RateReply, { body, locale });
        dispatch({ type: 'rated', ticketId: body.ticketId, level: body.level, now: Date.now() });
      } catch (error) {
        const failure = apiFailure(error);
        if (failure.kind === 'unreadable' && failure.status >= 200 && failure.status < 300) {
          // The server took it and only its reply was odd: the rating is on record.
          dispatch({ type: 'rated', ticketId: body.ticketId, level: body.level, now: Date.now() });
          return;
        }
        const answered = failure.refused;
        if (answered && SETUP_ERRORS.has(failure.code)) setSetupProblem(failure.message);
        dispatch({ type: 'refused', ticketId: body.ticketId, message: answered ? failure.message : t('pad.networkProblem'), retry: !answered, now: Date.now() });
      } finally {
        sending.current = false;
      }
    },
    [api, locale, t],
  );

  const onPick = (level: SatisfactionLevel) => {
    if (screen.kind !== 'asking') return;
    if (isPoorRating(level)) touch({ type: 'pick', level, now: Date.now() });
    else void send({ ticketId: screen.request.ticketId, level });
  };
  const separator = t('pad.commentSeparator');
  const handlers: ReasonHandlers = {
    onToggle: (reason) => touch({ type: 'toggleReason', reason, now: Date.now() }),
    onPhrase: (phrase, text) => touch({ type: 'phrase', phrase, text, separator, now: Date.now() }),
    onDigit: (digit) => touch({ type: 'digit', digit, separator, now: Date.now() }),
    onDelete: () => touch({ type: 'delete', now: Date.now() }),
    onPanel: (panel) => touch({ type: 'panel', panel, now: Date.now() }),
    onNoPhone: () => touch({ type: 'noPhone', now: Date.now() }),
    onBack: () => touch({ type: 'back', now: Date.now() }),
    onSubmit: () => {
      const body = poorRatingBody(screen);
      if (!body) return;
      // What was held stays on record should this rating be lost on the way.
      held.flush();
      void send(body);
    },
  };

  const view = snapshot?.windows.find((w) => w.no === windowNo) ?? null;
  const left = secondsLeft(state);

  let content;
  if (snapshot === null) content = <p className="pad-body pad-connecting">{t('pad.connecting')}</p>;
  else if (view === null) content = <PadProblem message={t('pad.windowNotFound', { windowNo })} />;
  // The hall's disk takes no writes (issue 17): a rating could not be saved.
  else if (!snapshot.storage.writable) content = <PadProblem message={t('storage.pad')} />;
  else if (screen.kind === 'idle') content = <IdleScreen window={view} supervisionPhone={snapshot.supervisionPhone} setupProblem={setupProblem} />;
  else if (screen.kind === 'asking')
    content = <LevelScreen request={screen.request} secondsLeft={left} sending={screen.sending} problem={screen.problem} onPick={onPick} />;
  else if (screen.kind === 'reason')
    content = (
      <ReasonScreen request={screen.request} choice={screen} secondsLeft={left} sending={screen.sending} problem={screen.problem} handlers={handlers} />
    );
  else if (screen.kind === 'thanks')
    content = (
      <main className="pad-body pad-thanks" data-testid="pad-thanks">
        <div className={`pad-thanks-face pad-level-${screen.level}`}>
          <LevelFace level={screen.level} />
        </div>
        <p className="pad-thanks-title">{t('pad.thanks')}</p>
        <p className="pad-thanks-detail">
          {t('pad.yourRating', { level: t(`evaluation.level.${screen.level}`) })}
          {isPoorRating(screen.level) && <span className="pad-thanks-poor">{t('pad.thanksPoor')}</span>}
        </p>
      </main>
    );
  else content = <PadProblem message={screen.message} />;

  return (
    <div className={`pad${connected ? '' : ' is-offline'}`} lang={locale} data-testid="pad" data-screen={screen.kind} data-connected={connected}>
      <header className="pad-bar">
        <span className="pad-window-no">{t('pad.windowNo', { windowNo })}</span>
        <span className="pad-window-name">{view?.name ?? ''}</span>
        {!connected && snapshot !== null && (
          <span className="pad-offline" role="status">
            {t('pad.offline')}
          </span>
        )}
        <button type="button" className="pad-language" lang={locale === 'zh-CN' ? 'en' : 'zh-CN'} onClick={() => onLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}>
          {t('pad.language')}
        </button>
      </header>
      {content}
    </div>
  );
}
