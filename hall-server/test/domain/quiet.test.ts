import { NO_SHOW_UNDO_SECONDS } from '@hall/shared';
import { describe, expect, it } from 'vitest';
import { closeUnansweredEvaluations, quietFrom } from '../../src/domain';
import { TestHall } from './fixtures';

// When the hall's time may move to the PC's clock: nothing waiting, in hand, undoable or asked.

describe('quietFrom', () => {
  it('is quiet only once no ticket waits or is in hand, no 过号 can be undone and no pad asks', () => {
    const hall = new TestHall();
    expect(quietFrom(hall.state)).toBe(0);
    hall.signIn(1);
    expect(quietFrom(hall.state)).toBe(0);
    hall.take();
    expect(quietFrom(hall.state)).toBeNull();
    hall.advance(1).callNext(1);
    expect(quietFrom(hall.state)).toBeNull();
    hall.advance(1).noShow(1);
    expect(quietFrom(hall.state)).toBe(hall.now + NO_SHOW_UNDO_SECONDS * 1000 + 1);

    hall.advance(1).take();
    hall.callNext(1);
    hall.advance(5).finish(1);
    expect([...hall.state.evaluations.values()].map((e) => e.status)).toEqual(['pending']);
    expect(quietFrom(hall.state)).toBeNull();
    hall.advance(10).run((s, c) => closeUnansweredEvaluations(s, c));
    expect(quietFrom(hall.state)).toBe(0);
  });
});
