import type { TicketPrintJob } from '@hall/shared';

/** 09:32 in the hall (Asia/Shanghai, UTC+8). */
export const job: TicketPrintJob = {
  hallName: '县政务服务中心',
  number: 'A001',
  categoryName: '不动产登记',
  windows: ['1号窗口', '2号窗口'],
  ahead: 3,
  estimatedWaitMinutes: 12,
  issuedAt: '2026-11-25T01:32:00.000Z',
  qrUrl: 'http://192.168.1.10:8080/t/01JDXK4Z9Q',
  notice: '请留意叫号，过号后请联系窗口工作人员',
};

/** 10:05 in the hall, the same day. */
export const reprintedAt = new Date('2026-11-25T02:05:00.000Z');
