import type { TicketPrintJob } from '@hall/shared';
import QRCode from 'qrcode';
import { ticketWording } from './ticket-content';

// The ticket as an 80 mm wide page, for a system printer (a USB receipt printer with a Windows
// or CUPS driver), which the Electron main process prints silently.

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Names and notices come from the hall's settings: never markup. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const STYLE = `
@page { margin: 0; }
body { width: 80mm; margin: 0; padding: 3mm 4mm 8mm; box-sizing: border-box; color: #000; text-align: center;
  font-family: "Microsoft YaHei", SimHei, "Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif; font-size: 11pt; }
p { margin: 1mm 0; }
.big { font-size: 16pt; font-weight: bold; }
.number { font-size: 44pt; font-weight: bold; line-height: 1.1; margin: 2mm 0; }
.qr svg { width: 36mm; height: 36mm; }`;

export async function ticketHtml(job: TicketPrintJob, printedAt: Date): Promise<string> {
  const w = ticketWording(job, printedAt);
  const qr = await QRCode.toString(job.qrUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  const p = (text: string, className?: string) =>
    `<p${className ? ` class="${className}"` : ''}>${escapeHtml(text)}</p>`;
  const body = [
    p(w.hallName, 'big'),
    p(w.number, 'number'),
    p(w.categoryName, 'big'),
    ...w.details.map((text) => p(text)),
    `<div class="qr">${qr}</div>`,
    p(w.qrCaption),
    ...(w.notice === undefined ? [] : [p(w.notice)]),
    ...(w.reprint ? [p(w.reprint.mark, 'big'), p(w.reprint.time)] : []),
  ];
  return [
    '<!doctype html>',
    '<html lang="zh-CN">',
    `<head><meta charset="utf-8"><title>${escapeHtml(w.number)}</title><style>${STYLE}</style></head>`,
    `<body>${body.join('')}</body>`,
    '</html>',
  ].join('\n');
}
