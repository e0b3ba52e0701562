import type { EvaluationRequested } from '@hall/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HeldSender, HOLD_EVERY_MS, RETRY_AFTER_MS } from '../src/renderer/pad/held-sender';
import type { HeldChange } from '../src/renderer/pad/pad-state';

// What the pad holds on the server, sent at most once a second, in order, and tried again when
// the network loses it; on a clock the test moves by hand.

const answer = (secondsLeft: number): EvaluationRequested => ({ ticketId: 't-1', number: 'A001', windowNo: 1, staff: null, caseNo: null, secondsLeft });
const hold = (...reasons: ('slow' | 'attitude')[]): HeldChange => ({ kind: 'hold', body: { ticketId: 't-1', level: 'dissatisfied', reasons } });
const release: HeldChange = { kind: 'release', body: { ticketId: 't-1' } };
const lost = new Error('network');

function setup(replies: ((change: HeldChange) => Promise<EvaluationRequested>)[] = []) {
  const sent: HeldChange[] = [];
  const held: number[] = [];
  const sender = new HeldSender({
    send: (change) => {
      sent.push(change);
      return (replies.shift() ?? (() => Promise.resolve(answer(60))))(change);
    },
    onHeld: (request) => held.push(request.secondsLeft),
    retryable: (error) => error === lost,
    now: () => Date.now(),
  });
  return { sender, sent, held };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(1_000_000);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('holds from the pad', () => {
  it('sends the first touch at once, then only the newest touch of each second', async () => {
    const { sender, sent, held } = setup();
    sender.push(hold());
    expect(sent).toEqual([hold()]);
    await vi.advanceTimersByTimeAsync(100);
    sender.push(hold('slow'));
    sender.push(hold('slow', 'attitude'));
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(HOLD_EVERY_MS - 101);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toEqual([hold(), hold('slow', 'attitude')]);
    expect(held).toEqual([60, 60]);
  });

  it('sends what waits at once on 返回 (the release replaces it) and when the screen is left or the rating submitted', async () => {
    const { sender, sent } = setup();
    sender.push(hold());
    await vi.advanceTimersByTimeAsync(10);
    sender.push(hold('slow'));
    sender.push(release);
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual([hold(), release]);
    sender.push(hold('attitude'));
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toHaveLength(2);
    sender.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual([hold(), release, hold('attitude')]);
  });

  it('sends one at a time, in order: a touch while one is on its way waits for its answer', async () => {
    let answerFirst: (request: EvaluationRequested) => void = () => undefined;
    const { sender, sent } = setup([() => new Promise((resolve) => (answerFirst = resolve))]);
    sender.push(hold());
    sender.push(release);
    await vi.advanceTimersByTimeAsync(5 * HOLD_EVERY_MS);
    expect(sent).toEqual([hold()]);
    answerFirst(answer(60));
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual([hold(), release]);
  });

  it('tries a hold the network lost again after a pause that grows, and gives up after that', async () => {
    const { sender, sent, held } = setup([() => Promise.reject(lost), () => Promise.reject(lost), () => Promise.reject(lost)]);
    sender.push(hold('slow'));
    await vi.advanceTimersByTimeAsync(RETRY_AFTER_MS[0]! - 1);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toEqual([hold('slow'), hold('slow')]);
    await vi.advanceTimersByTimeAsync(RETRY_AFTER_MS[1]!);
    expect(sent).toEqual([hold('slow'), hold('slow'), hold('slow')]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sent).toHaveLength(3);
    expect(held).toEqual([]);
  });

  it('a second try that gets through gives the pad the server’s time', async () => {
    const { sender, sent, held } = setup([() => Promise.reject(lost)]);
    sender.push(hold());
    await vi.advanceTimersByTimeAsync(RETRY_AFTER_MS[0]!);
    expect(sent).toHaveLength(2);
    expect(held).toEqual([60]);
  });

  it('does not try again what the server refused, nor what a newer touch replaced', async () => {
    const refused = setup([() => Promise.reject(new Error('ALREADY_RATED'))]);
    refused.sender.push(hold());
    await vi.advanceTimersByTimeAsync(60_000);
    expect(refused.sent).toHaveLength(1);

    const replaced = setup([() => Promise.reject(lost)]);
    replaced.sender.push(hold());
    await vi.advanceTimersByTimeAsync(10);
    replaced.sender.push(hold('attitude'));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(replaced.sent).toEqual([hold(), hold('attitude')]);
  });
});
