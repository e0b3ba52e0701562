import type { IssueTicketReply, TicketView, WindowView } from '@hall/shared';
import { describe, expect, it } from 'vitest';
import { waitingTicket } from '../../hall-server/test/support/views';
import { ticketPrintJob } from '../src/renderer/kiosk/print-job';

function window(no: number, categories: string[]): WindowView {
  return { no, name: `${no}号窗口`, department: '', categories, routing: 'fifo', state: 'open', pauseReason: null, pauseUntil: null, servingNumber: null, staff: null, extendedService: false };
}

const ticket = waitingTicket;
const snapshot = { hall: '示例县政务服务中心', windows: [window(16, ['G']), window(3, ['B']), window(15, ['G'])] };
const issued = (over: Partial<TicketView>): IssueTicketReply => ({ ticket: { ...ticket, ...over }, secret: 'k3Jq9vXbT0aLw2mR7yPz1Q', ahead: 2, estimatedWaitMinutes: 6 });

describe('the paper ticket’s windows', () => {
  it('names the category’s windows in order', () => {
    expect(ticketPrintJob(snapshot, issued({}), 'http://hall/t/t1').windows).toEqual(['15号窗口', '16号窗口']);
  });

  it('names only the window a ticket was sent to by name', () => {
    expect(ticketPrintJob(snapshot, issued({ targetWindowNo: 3 }), 'http://hall/t/t1').windows).toEqual(['3号窗口']);
  });
});
