import { localParts, waitWords, type TicketPrintJob } from '@hall/shared';

// The words on a ticket, in one place for the paper ticket, the HTML page and the log.

/** The ticket shows the hall's clock, whatever zone the kiosk machine happens to be set to. */
const HALL_TIME_ZONE = 'Asia/Shanghai';

const WINDOW = '窗口';

export interface TicketWording {
  hallName: string;
  number: string;
  categoryName: string;
  /** Body-size lines under the category: windows, people ahead, waiting time, issue time. */
  details: string[];
  qrCaption: string;
  notice?: string;
  reprint?: { mark: string; time: string };
}

/** '2026年11月25日 09:32' on the hall's clock. */
function hallClock(at: Date): string {
  const p = localParts(at.getTime(), HALL_TIME_ZONE);
  const pad2 = (n: number) => String(n).padStart(2, '0');
  return `${p.year}年${p.month}月${p.day}日 ${pad2(p.hour)}:${pad2(p.minute)}`;
}

/** ['1号窗口', '2号窗口'] reads '1号、2号窗口', as a person would write it. */
function windowList(windows: readonly string[]): string {
  const allWindows = windows.every((name) => name.endsWith(WINDOW) && name.length > WINDOW.length);
  if (!allWindows) return windows.join('、');
  return `${windows.map((name) => name.slice(0, -WINDOW.length)).join('、')}${WINDOW}`;
}

/** The wait as printed: never 约 0 分钟, never 很快 with people ahead (waitWords). */
function waitLine(job: TicketPrintJob): string {
  const words = waitWords(job.ahead, job.estimatedWaitMinutes);
  if (words.kind === 'unattended') return '暂无窗口办理，请咨询导服员';
  if (words.kind === 'soon') return '很快就到您';
  return `预计等候约 ${words.minutes} 分钟`;
}

/** `printedAt` only shows on a reprint (补打), which must say when it was printed again. */
export function ticketWording(job: TicketPrintJob, printedAt: Date): TicketWording {
  const details = [
    ...(job.windows.length > 0 ? [`办理窗口：${windowList(job.windows)}`] : []),
    `前面还有 ${job.ahead} 人`,
    waitLine(job),
    `取号时间：${hallClock(new Date(job.issuedAt))}`,
  ];
  return {
    hallName: job.hallName,
    number: job.number,
    categoryName: job.categoryName,
    details,
    qrCaption: '手机扫码查看叫号进度',
    notice: job.notice,
    reprint: job.reprint ? { mark: '补打', time: `补打时间：${hallClock(printedAt)}` } : undefined,
  };
}

/** The ticket as plain lines, for the log; the QR code becomes its URL. */
export function ticketText(job: TicketPrintJob, printedAt: Date): string[] {
  const w = ticketWording(job, printedAt);
  return [
    w.hallName,
    w.number,
    w.categoryName,
    ...w.details,
    job.qrUrl,
    ...(w.notice === undefined ? [] : [w.notice]),
    ...(w.reprint ? [w.reprint.mark, w.reprint.time] : []),
  ];
}
