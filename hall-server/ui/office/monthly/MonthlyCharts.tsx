import type { MonthlyReport } from '@hall/shared';
import { useT } from '@hall/shared/ui';
import type { ReactElement } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, XAxis, YAxis } from 'recharts';

// The month in three charts: served per window, the daily volume, and how long visitors waited.
// No animation: a chart that is still growing reads as a wrong number, and screenshots must hold.

const TICK = { fontSize: 16, fill: '#1a1a1a' };
const INK = '#123e8c';

function Chart({ id, title, children }: { id: string; title: string; children: ReactElement }) {
  return (
    <figure className="monthly-chart" data-chart={id} aria-label={title}>
      <figcaption className="monthly-box-title">{title}</figcaption>
      <ResponsiveContainer width="100%" height={210}>
        {children}
      </ResponsiveContainer>
    </figure>
  );
}

export function MonthlyCharts({ report }: { report: MonthlyReport }) {
  const { t } = useT();
  const windows = [...report.windows].sort((a, b) => a.windowNo - b.windowNo).map((w) => ({ label: String(w.windowNo), served: w.served }));
  const daily = report.daily.map((d) => ({ label: String(Number(d.date.slice(8))), served: d.served }));
  const bands = report.waitBands.map((b) => ({
    label: b.toMinutes === null ? t('monthly.band.over', { from: b.fromMinutes }) : t('monthly.band', { from: b.fromMinutes, to: b.toMinutes }),
    count: b.count,
    late: b.fromMinutes >= report.waitTargetMinutes,
  }));
  return (
    <div className="monthly-charts">
      <Chart id="windows" title={t('monthly.chart.windows')}>
        <BarChart data={windows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid vertical={false} stroke="#ccc" />
          <XAxis dataKey="label" tick={TICK} interval={0} />
          <YAxis tick={TICK} width={48} allowDecimals={false} />
          <Bar dataKey="served" fill={INK} isAnimationActive={false} />
        </BarChart>
      </Chart>
      <Chart id="daily" title={t('monthly.chart.daily')}>
        <BarChart data={daily} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid vertical={false} stroke="#ccc" />
          <XAxis dataKey="label" tick={TICK} />
          <YAxis tick={TICK} width={48} allowDecimals={false} />
          <Bar dataKey="served" fill="#0b6b2f" isAnimationActive={false} />
        </BarChart>
      </Chart>
      <Chart id="waiting" title={t('monthly.chart.waiting', { target: report.waitTargetMinutes })}>
        <BarChart data={bands} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid vertical={false} stroke="#ccc" />
          <XAxis dataKey="label" tick={TICK} interval={0} />
          <YAxis tick={TICK} width={48} allowDecimals={false} />
          <Bar dataKey="count" isAnimationActive={false}>
            {bands.map((b) => (
              <Cell key={b.label} fill={b.late ? '#c00000' : '#8a7a00'} />
            ))}
          </Bar>
        </BarChart>
      </Chart>
    </div>
  );
}
