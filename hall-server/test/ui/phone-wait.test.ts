import { t, type TicketProgress, type TicketView, type WindowView } from '@hall/shared';
import { describe, expect, it } from 'vitest';
import { aheadLine, servingWindows, waitLine } from '../../ui/phone/wait-view';

// The phone page's honesty rules, for every combination the server can send.

const ticket: TicketView = {
  id: 't1',
  number: 'G012',
  category: 'G',
  categoryName: '住房公积金',
  status: 'waiting',
  priority: null,
  serviceDate: '2026-11-25',
  issuedAt: '2026-11-25T02:00:00.000Z',
  targetWindowNo: null,
  windowNo: null,
  calledAt: null,
  finishedAt: null,
};

function window(no: number, categories: string[], state: WindowView['state']): WindowView {
  return { no, name: `${no}号窗口`, department: '', categories, routing: 'fifo', state, pauseReason: null, pauseUntil: null, servingNumber: null, servingTicketId: null, staff: null, extendedService: false };
}

const open = [window(16, ['G'], 'open'), window(15, ['G'], 'paused'), window(3, ['B'], 'open')];
const progress = (ahead: number, estimatedWaitMinutes: number | null, over: Partial<TicketView> = {}): TicketProgress => ({
  ticket: { ...ticket, ...over },
  ahead,
  estimatedWaitMinutes,
});
const say = (line: { key: Parameters<typeof t>[1]; params?: Record<string, number> }) => t('zh-CN', line.key, line.params);

describe('the phone page’s wait line', () => {
  it('never says 约 0 分钟: a zero estimate with people ahead reads as about a minute', () => {
    expect(say(waitLine(progress(3, 0), open))).toBe('预计等候约 1 分钟');
    expect(say(waitLine(progress(3, 12), open))).toBe('预计等候约 12 分钟');
  });

  it('says 很快就到您 only with nobody ahead', () => {
    expect(say(waitLine(progress(0, 0), open))).toBe('很快就到您');
    expect(say(waitLine(progress(1, 0), open))).not.toContain('很快');
    // Nobody ahead but every window still busy for a long while: the minutes, not "soon".
    expect(say(waitLine(progress(0, 9), open))).toBe('预计等候约 9 分钟');
  });

  it('says when no open window serves the category, whatever the estimate', () => {
    const paused = [window(15, ['G'], 'paused'), window(16, ['G'], 'closed')];
    expect(say(waitLine(progress(0, 0), paused))).toBe('暂无窗口办理此业务，请咨询导服员');
    expect(say(waitLine(progress(4, 20), paused))).toBe('暂无窗口办理此业务，请咨询导服员');
  });

  it('goes by the window a ticket was sent to by name', () => {
    const sent = progress(1, 5, { targetWindowNo: 15 });
    expect(servingWindows(sent.ticket, open).map((w) => w.no)).toEqual([15]);
    expect(say(waitLine(sent, open))).toBe('暂无窗口办理此业务，请咨询导服员');
  });

  it('says it cannot tell when the server gives no estimate, and waits for the windows before judging them', () => {
    expect(say(waitLine(progress(2, null), open))).toBe('暂时无法估计等候时间');
    expect(say(waitLine(progress(2, 6), null))).toBe('预计等候约 6 分钟');
  });

  it('lists the category’s windows in order, and counts the people ahead', () => {
    expect(servingWindows(ticket, open).map((w) => w.no)).toEqual([15, 16]);
    expect(say(aheadLine(progress(0, 0)))).toBe('前面已经没有人了');
    expect(say(aheadLine(progress(5, 10)))).toBe('前面还有 5 人');
    expect(say(aheadLine(progress(1, 10)))).toBe('前面还有 1 人');
    const { key, params } = aheadLine(progress(1, 10));
    expect(t('en', key, params)).toBe('1 person ahead of you');
  });
});
