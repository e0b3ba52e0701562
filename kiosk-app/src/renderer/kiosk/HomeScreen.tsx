import type { CategoryView } from '@hall/shared';
import { useT } from '@hall/shared/ui';

interface Props {
  categories: CategoryView[];
  waiting: Map<string, number>;
  /** Choosing the category of a 绿色通道 ticket. */
  priority: boolean;
  disabled: boolean;
  problem: string | null;
  onTake(category: string, priority: boolean): void;
  onPriority(): void;
  onAppointment(): void;
  onBack(): void;
}

export function HomeScreen({ categories, waiting, priority, disabled, problem, onTake, onPriority, onAppointment, onBack }: Props) {
  const { t, locale } = useT();
  return (
    <section className={priority ? 'kiosk-home kiosk-home-priority' : 'kiosk-home'}>
      <h2 className="kiosk-prompt">{t(priority ? 'kiosk.greenChannelChoose' : 'kiosk.chooseCategory')}</h2>
      {problem && (
        <p className="kiosk-problem" role="alert">
          {problem}
        </p>
      )}
      <div className="kiosk-tiles">
        {categories.map((c) => (
          <button key={c.code} type="button" className="kiosk-tile" disabled={disabled} onClick={() => onTake(c.code, priority)} data-category={c.code}>
            <span className="kiosk-tile-name">{locale === 'en' && c.nameEn ? c.nameEn : c.name}</span>
            <span className="kiosk-tile-waiting">{t('kiosk.waiting', { count: waiting.get(c.code) ?? c.waiting })}</span>
          </button>
        ))}
      </div>
      {priority ? (
        <button type="button" className="kiosk-wide kiosk-back" onClick={onBack}>
          {t('kiosk.back')}
        </button>
      ) : (
        <div className="kiosk-entries">
          <button type="button" className="kiosk-wide kiosk-green" disabled={disabled} onClick={onPriority}>
            <span className="kiosk-entry-title">{t('kiosk.greenChannel')}</span>
            <span className="kiosk-entry-hint">{t('kiosk.greenChannelHint')}</span>
          </button>
          <button type="button" className="kiosk-wide kiosk-appointment" disabled={disabled} onClick={onAppointment}>
            <span className="kiosk-entry-title">{t('kiosk.appointment')}</span>
            <span className="kiosk-entry-hint">{t('kiosk.appointmentHint')}</span>
          </button>
        </div>
      )}
    </section>
  );
}
