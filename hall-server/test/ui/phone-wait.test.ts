import { t, waitWords, type TicketProgress, type TicketView } from '@hall/shared';
import { describe, expect, it } from 'vitest';
import { waitingTicket } from '../support/views';
import { aheadLine, waitLine } from '../../ui/phone/wait-view';

// The phone page's honesty rules, for every combination the server can send.

const ticket = waitingTicket;

const progress = (ahead: number, estimatedWaitMinutes: number | null, over: Partial<TicketView> = {}): TicketProgress => ({
  ticket: { ...ticket, ...over },
  ahead,
  estimatedWaitMinutes,
});
const say = (line: { key: Parameters<typeof t>[1]; params?: Record<string, number> }) => t('zh-CN', line.key, line.params);

describe('the phone page’s wait line', () => {
  it('never says 约 0 分钟: a zero estimate with people ahead reads as about a minute', () => {
    expect(say(waitLine(progress(3, 0)))).toBe('预计等候约 1 分钟');
    expect(say(waitLine(progress(3, 12)))).toBe('预计等候约 12 分钟');
  });

  it('says 很快就到您 only when the kiosk and the paper ticket would: nobody ahead and no wait left', () => {
    expect(say(waitLine(progress(0, 0)))).toBe('很快就到您');
    expect(say(waitLine(progress(1, 0)))).not.toContain('很快');
    // A minute still to wait reads as a minute on paper, so on the phone too.
    expect(say(waitLine(progress(0, 1)))).toBe('预计等候约 1 分钟');
    expect(say(waitLine(progress(0, 9)))).toBe('预计等候约 9 分钟');
  });

  it('reads as the shared wait words for every estimate', () => {
    for (const [ahead, minutes] of [[0, 0], [0, 1], [2, 0], [4, 25], [1, null]] as const) {
      const words = waitWords(ahead, minutes);
      const key = waitLine(progress(ahead, minutes)).key;
      expect(key).toBe(words.kind === 'unattended' ? 'phone.unattended' : words.kind === 'soon' ? 'phone.estimateNow' : 'phone.estimate');
    }
  });

  it('trusts the server on whether anyone will call the ticket: no estimate means no window will', () => {
    // The server leaves out the estimate only for a ticket no window will call (before opening,
    // windows not open yet still count as calling).
    expect(say(waitLine(progress(2, null)))).toBe('暂无窗口办理此业务，请咨询导服员');
    expect(say(waitLine(progress(0, null)))).toBe('暂无窗口办理此业务，请咨询导服员');
    expect(say(waitLine(progress(4, 20)))).toBe('预计等候约 20 分钟');
  });

  it('counts the people ahead', () => {
    expect(say(aheadLine(progress(0, 0)))).toBe('前面已经没有人了');
    expect(say(aheadLine(progress(5, 10)))).toBe('前面还有 5 人');
    expect(say(aheadLine(progress(1, 10)))).toBe('前面还有 1 人');
    const { key, params } = aheadLine(progress(1, 10));
    expect(t('en', key, params)).toBe('1 person ahead of you');
  });
});
