import { formatElapsed, localTime, type OfficeLiveReply, type WindowView } from '@hall/shared';
import { useT } from '@hall/shared/ui';

type Shown = 'serving' | 'idle' | 'paused' | 'closed';

function shownState(window: WindowView): Shown {
  if (window.state === 'open') return window.servingNumber === null ? 'idle' : 'serving';
  return window.state;
}

interface Props {
  windows: readonly WindowView[];
  live: OfficeLiveReply;
  now: number;
  timezone: string;
  /** The windows paused past the hall's limit (their alerts). */
  late: ReadonlySet<number>;
}

/** Every window: who is at it, and what it is doing since when (serving a number, paused and why, closed). */
export function LiveWindows({ windows, live, now, timezone, late }: Props) {
  const { t, locale } = useT();
  const sorted = [...windows].sort((a, b) => a.no - b.no);
  const count = (state: Shown) => sorted.filter((w) => shownState(w) === state).length;
  const since = (window: WindowView, field: 'since' | 'servingSince') => {
    // A time measured in another state (the read is a moment behind the line) is not shown.
    const measured = live.windows.find((w) => w.no === window.no && w.state === window.state)?.[field];
    return measured == null ? null : formatElapsed(now - Date.parse(measured), locale);
  };
  return (
    <section className="live-windows" aria-labelledby="live-windows-title">
      <h2 id="live-windows-title" className="office-section-title">
        {t('live.windowsTitle')}
        <span className="office-title-date" data-testid="live-windows-summary">
          {t('live.windowsSummary', { serving: count('serving'), idle: count('idle'), paused: count('paused'), closed: count('closed') })}
        </span>
      </h2>
      <ul className="live-window-list">
        {sorted.map((window) => {
          const shown = shownState(window);
          const elapsed = since(window, shown === 'serving' ? 'servingSince' : 'since');
          return (
            <li key={window.no} className={`live-window live-window-${shown}${late.has(window.no) ? ' live-window-late' : ''}`} data-window={window.no} data-testid="live-window">
              <div className="live-window-head">
                <span className="live-window-no">{t('live.window.no', { no: window.no })}</span>
                <span className="live-window-name">{window.name}</span>
              </div>
              <p className="live-window-staff">
                <span className={`live-state live-state-${shown}`}>{t(`live.state.${shown}`)}</span>
                {window.staff ? t('live.window.staff', { name: window.staff.name, staffNo: window.staff.staffNo }) : t('live.window.nobody')}
              </p>
              {shown === 'serving' && (
                <p className="live-window-doing">{elapsed === null ? window.servingNumber : t('live.window.serving', { number: window.servingNumber ?? '', elapsed })}</p>
              )}
              {shown === 'paused' && (
                <>
                  {elapsed !== null && <p className="live-window-doing">{t('live.window.paused', { elapsed })}</p>}
                  <p className="live-window-reason">
                    {t('live.window.reason', { reason: window.pauseReason ?? t('live.noReason') })}
                    {window.pauseUntil !== null && ` · ${t('live.window.until', { time: localTime(Date.parse(window.pauseUntil), timezone) })}`}
                  </p>
                </>
              )}
              {window.extendedService && <p className="live-window-extended">{t('live.window.extended')}</p>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
