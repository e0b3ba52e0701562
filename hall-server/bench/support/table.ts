import { passes, ratioOf, type Row, type Target } from './report';

// The results as one Markdown table: readable in a terminal, and pasted as is into BENCHMARKS.md.

export interface Section {
  benchmark: string;
  rows: Row[];
}

export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return '—';
  const magnitude = Math.abs(n);
  if (magnitude >= 1000) return Math.round(n).toLocaleString('en-US');
  if (magnitude >= 100) return n.toFixed(0);
  if (magnitude >= 10) return n.toFixed(1);
  return n.toFixed(2);
}

function withUnit(n: number, unit: string): string {
  return unit ? `${formatNumber(n)} ${unit}` : formatNumber(n);
}

function describeTarget(target: Target, unit: string): string {
  if (target.op === 'within') return `1 ± ${target.tolerance}x`;
  const op = target.op === '<=' ? '≤' : '≥';
  return target.on === 'ratio' ? `${op} ${target.limit}x` : `${op} ${withUnit(target.limit, unit)}`;
}

function cells(benchmark: string, row: Row): string[] {
  const ratio = ratioOf(row);
  const pass = passes(row);
  return [
    benchmark,
    row.figure,
    withUnit(row.value, row.unit),
    row.baseline === undefined ? '' : withUnit(row.baseline, row.unit),
    ratio === null ? '' : `${ratio.toFixed(2)}x`,
    (row.targets ?? []).map((t) => describeTarget(t, row.unit)).join(', '),
    pass === null ? '' : pass ? 'pass' : 'FAIL',
    row.note ?? '',
  ];
}

const HEADER = ['benchmark', 'figure', 'value', 'baseline', 'ratio', 'target', 'pass', 'note'];

export function formatTable(sections: readonly Section[]): string {
  const lines = [HEADER, ...sections.flatMap((s) => s.rows.map((row, i) => cells(i === 0 ? s.benchmark : '', row)))];
  const widths = HEADER.map((_, col) => Math.max(...lines.map((line) => line[col]!.length)));
  const render = (line: string[]) => `| ${line.map((cell, col) => cell.padEnd(widths[col]!)).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [render(HEADER), rule, ...lines.slice(1).map(render)].join('\n');
}
