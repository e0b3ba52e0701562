import type { HallReport, MessageKey } from '@hall/shared';
import { SatisfactionLevel } from '@hall/shared';
import { useT } from '@hall/shared/ui';
import { formatMinutes, formatRate, formatStars } from './format';
import type { DateRange } from './office-api';
import { RangePicker } from './RangePicker';

interface Props {
  serviceDate: string | null;
  range: DateRange | null;
  rangeValid: boolean;
  report: HallReport | null;
  /** null: back to the hall's service day. */
  onRange(range: DateRange | null): void;
}

interface Tile {
  key: string;
  label: MessageKey;
  value: string;
  tone?: 'strong' | 'alarm';
}

/** 概况: the hall's figures over the span; the title names the span the figures are really of. */
export function Figures({ serviceDate, range, rangeValid, report, onRange }: Props) {
  const { t } = useT();
  const none = t('office.noValue');
  const count = (n: number | undefined) => (n === undefined ? none : String(n));
  const s = report?.satisfaction;

  const work: Tile[] = [
    { key: 'issued', label: 'office.figure.issued', value: count(report?.issued) },
    { key: 'served', label: 'office.figure.served', value: count(s?.served) },
    { key: 'noShows', label: 'office.figure.noShows', value: count(report?.noShows) },
    { key: 'averageWait', label: 'office.figure.averageWait', value: report ? formatMinutes(report.averageWaitMinutes, t) : none },
    { key: 'averageHandling', label: 'office.figure.averageHandling', value: report ? formatMinutes(report.averageHandlingMinutes, t) : none },
    { key: 'averageStars', label: 'office.figure.averageStars', value: s ? formatStars(s.averageStars, t) : none },
    { key: 'rated', label: 'office.figure.rated', value: count(s?.rated) },
    { key: 'unrated', label: 'office.figure.unrated', value: count(s?.unrated) },
    { key: 'satisfactionRate', label: 'office.figure.satisfactionRate', value: s ? formatRate(s.satisfactionRate, t) : none, tone: 'strong' },
  ];
  const f = report?.followUps;
  const followUps: Tile[] = [
    { key: 'followUpsOpened', label: 'office.figure.followUpsOpened', value: count(f?.opened) },
    { key: 'followUpsOpen', label: 'office.figure.followUpsOpen', value: count(f?.open) },
    { key: 'followUpsOverdue', label: 'office.figure.followUpsOverdue', value: count(f?.overdue), ...(f && f.overdue > 0 ? { tone: 'alarm' as const } : {}) },
  ];

  const today = report !== null && report.from === serviceDate && report.to === serviceDate;
  const title = report === null || today ? t('office.todayTitle') : report.from === report.to ? t('office.dayTitle', { date: report.from }) : t('office.spanTitle', { from: report.from, to: report.to });

  return (
    <section className="office-figures" aria-labelledby="office-figures-title">
      <h2 id="office-figures-title" className="office-section-title" data-testid="figures-title">
        {title}
        {today && serviceDate && <span className="office-title-date">{serviceDate}</span>}
      </h2>
      <RangePicker serviceDate={serviceDate} range={range} valid={rangeValid} onRange={onRange} />
      <Tiles tiles={work} />
      <dl className="office-levels" aria-label={t('office.levelsTitle')}>
        {SatisfactionLevel.options.map((level) => (
          <div key={level} className={`office-level office-level-${level}`} data-level={level}>
            <dt>{t(`evaluation.level.${level}`)}</dt>
            <dd>{count(s?.levels[level])}</dd>
          </div>
        ))}
      </dl>
      <h3 className="office-subtitle">{t('office.followUpsTitle')}</h3>
      <Tiles tiles={followUps} />
    </section>
  );
}

function Tiles({ tiles }: { tiles: Tile[] }) {
  const { t } = useT();
  return (
    <dl className="office-tiles">
      {tiles.map((tile) => (
        <div key={tile.key} className={`office-tile${tile.tone ? ` office-tile-${tile.tone}` : ''}`} data-figure={tile.key}>
          <dt>{t(tile.label)}</dt>
          <dd data-testid={`figure-${tile.key}`}>{tile.value}</dd>
        </div>
      ))}
    </dl>
  );
}
