import { categoryName, isUnattended, type CategoryView, type HallSnapshot } from '@hall/shared';
import { useNow, useT } from '@hall/shared/ui';
import type { PrinterDown } from './printer-down';

interface Props {
  categories: CategoryView[];
  snapshot: HallSnapshot | null;
  /** Choosing the category of a 绿色通道 ticket. */
  priority: boolean;
  disabled: boolean;
  problem: string | null;
  /** This kiosk cannot print now: said before anyone taps. */
  printerDown: PrinterDown | null;
  /** A 呼叫导服员 from this kiosk that no one has handled yet. */
  guideCalled: boolean;
  onTake(category: string, priority: boolean): void;
  onPriority(): void;
  onAppointment(): void;
  onCallGuide(): void;
  onStaff(): void;
  onBack(): void;
}

/** How many of a category's service items (事项) its tile names. */
const ITEMS_SHOWN = 3;

export function HomeScreen(props: Props) {
  const { categories, snapshot, priority, disabled, problem, printerDown, guideCalled } = props;
  const { t, locale } = useT();
  const now = useNow(30_000);
  const waiting = new Map(snapshot?.categories.map((c) => [c.code, c.waiting]) ?? []);
  const unattended = (code: string) => snapshot !== null && isUnattended(code, snapshot.windows, now, snapshot);
  const refused = snapshot?.unattendedTickets === 'refuse';

  return (
    <section className={priority ? 'kiosk-home kiosk-home-priority' : 'kiosk-home'}>
      {printerDown && (
        <div className="kiosk-printer-down" role="alert" data-testid="printer-down">
          <p className="kiosk-printer-down-title">{t('kiosk.printerDown', { fault: t(`device.fault.${printerDown.fault}`) })}</p>
          <p>
            {t('kiosk.printerDownHint')}
            {printerDown.otherKiosk && ` ${t('kiosk.printerDownOther', { place: printerDown.otherKiosk })}`}
          </p>
        </div>
      )}
      <h2 className="kiosk-prompt">{t(priority ? 'kiosk.greenChannelChoose' : 'kiosk.chooseCategory')}</h2>
      {priority && <p className="kiosk-priority-check">{t('kiosk.greenChannelCheck')}</p>}
      {problem && (
        <p className="kiosk-problem" role="alert">
          {problem}
        </p>
      )}
      <div className="kiosk-tiles">
        {categories.map((c) => {
          // A closed category (暂停取号) says so and takes no tap; unattended is moot then.
          const closed = !c.open;
          const nobody = !closed && unattended(c.code);
          return (
            <button
              key={c.code}
              type="button"
              className={closed ? 'kiosk-tile kiosk-tile-closed' : nobody ? 'kiosk-tile kiosk-tile-unattended' : 'kiosk-tile'}
              disabled={disabled || closed || (nobody && refused)}
              onClick={() => props.onTake(c.code, priority)}
              data-category={c.code}
            >
              <span className="kiosk-tile-name" lang={categoryName(c, locale) === c.name ? 'zh-CN' : 'en'}>
                {categoryName(c, locale)}
              </span>
              {c.items.length > 0 && (
                <span className="kiosk-tile-items" lang="zh-CN">
                  {c.items
                    .slice(0, ITEMS_SHOWN)
                    .map((i) => i.name)
                    .join('、')}
                </span>
              )}
              <span className="kiosk-tile-waiting">{t('kiosk.waiting', { count: waiting.get(c.code) ?? c.waiting })}</span>
              {nobody && <span className="kiosk-tile-unattended-note">{t('kiosk.unattended')}</span>}
              {closed && <span className="kiosk-tile-closed-note">{t('kiosk.categoryClosed')}</span>}
            </button>
          );
        })}
      </div>
      {priority ? (
        <button type="button" className="kiosk-wide kiosk-back" onClick={props.onBack}>
          {t('kiosk.back')}
        </button>
      ) : (
        <>
          <div className="kiosk-entries">
            <button type="button" className="kiosk-wide kiosk-green" disabled={disabled} onClick={props.onPriority}>
              <span className="kiosk-entry-title">{t('kiosk.greenChannel')}</span>
              <span className="kiosk-entry-hint">{t('kiosk.greenChannelHint')}</span>
            </button>
            <button type="button" className="kiosk-wide kiosk-appointment" disabled={disabled} onClick={props.onAppointment}>
              <span className="kiosk-entry-title">{t('kiosk.appointment')}</span>
              <span className="kiosk-entry-hint">{t('kiosk.appointmentHint')}</span>
            </button>
          </div>
          <div className="kiosk-footer">
            {/* Staff use this rarely: small, to the side, off the visitors' row. */}
            <button type="button" className="kiosk-guide" disabled={disabled || guideCalled} onClick={props.onCallGuide} data-testid="call-guide">
              <span className="kiosk-guide-title">{guideCalled ? t('kiosk.guideCalled') : t('kiosk.callGuide')}</span>
              {!guideCalled && <span className="kiosk-guide-hint">{t('kiosk.callGuideHint')}</span>}
            </button>
            <button type="button" className="kiosk-staff" onClick={props.onStaff}>
              {t('kiosk.staff')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
