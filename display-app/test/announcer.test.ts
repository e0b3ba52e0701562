import type { CallView } from '@hall/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  callPhrase,
  callTokens,
  clipTokens,
  createAnnouncer,
  numberTokens,
  windowNoTokens,
  type Phrase,
  type SpeechEngine,
} from '../src/renderer/announcer/announcer';

// The announcer's queue with a fake engine: it records what it is asked to do, takes a set
// time for each step, and fails the test if it is asked to start while still busy.

const CHIME_MS = 800;
const SPEAK_MS = 2500;

class FakeEngine implements SpeechEngine {
  readonly name = 'fake';
  readonly log: { kind: 'chime' | 'speak'; text?: string; at: number }[] = [];
  readonly overlaps: string[] = [];
  private busy = false;
  constructor(private readonly failOn: (text: string | undefined) => boolean = () => false) {}

  private async step(kind: 'chime' | 'speak', ms: number, phrase?: Phrase) {
    if (this.busy) this.overlaps.push(`${kind} ${phrase?.text ?? ''} while busy`);
    this.busy = true;
    this.log.push({ kind, ...(phrase ? { text: phrase.text } : {}), at: Date.now() });
    await new Promise((resolve) => setTimeout(resolve, ms));
    this.busy = false;
    if (this.failOn(phrase?.text)) throw new Error('speaker unplugged');
  }
  chime() {
    return this.step('chime', CHIME_MS);
  }
  speak(phrase: Phrase) {
    return this.step('speak', SPEAK_MS, phrase);
  }
  get sentences() {
    return this.log.filter((e) => e.kind === 'speak').map((e) => e.text);
  }
}

let seq = 0;
function call(number: string, windowNo: number, recall = false): CallView {
  seq++;
  return {
    number,
    category: number[0]!,
    windowNo,
    windowName: `${windowNo}号窗口`,
    calledAt: new Date(Date.UTC(2026, 10, 25, 2, 0, seq)).toISOString(),
    recall,
  };
}

describe('the announcer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('announces a call as a chime, then its sentence twice', async () => {
    const engine = new FakeEngine();
    const announcer = createAnnouncer(engine, { pauseMs: 400 });
    const done = announcer.announce(call('A001', 3));
    expect(announcer.pending).toBe(1);
    await vi.runAllTimersAsync();
    await done;
    expect(engine.log.map((e) => [e.kind, e.text])).toEqual([
      ['chime', undefined],
      ['speak', '请A001号到3号窗口办理'],
      ['speak', '请A001号到3号窗口办理'],
    ]);
    // One after the other, with the pause between the two sentences.
    const [chime, first, second] = engine.log;
    expect(first!.at - chime!.at).toBe(CHIME_MS);
    expect(second!.at - first!.at).toBe(SPEAK_MS + 400);
    expect(announcer.pending).toBe(0);
    expect(engine.overlaps).toEqual([]);
  });

  it('announces a recall as a recall', async () => {
    const engine = new FakeEngine();
    const announcer = createAnnouncer(engine);
    void announcer.announce(call('B012', 5, true));
    await vi.runAllTimersAsync();
    expect(engine.sentences).toEqual(['请B012号到5号窗口办理（重呼）', '请B012号到5号窗口办理（重呼）']);
  });

  it('queues calls that come while it speaks, in call order, never overlapping', async () => {
    const engine = new FakeEngine();
    const announcer = createAnnouncer(engine);
    void announcer.announce(call('A001', 1));
    await vi.advanceTimersByTimeAsync(1000); // mid-sentence
    void announcer.announce(call('B001', 3));
    void announcer.announce(call('A001', 1, true));
    expect(announcer.pending).toBe(3);
    await vi.runAllTimersAsync();
    await announcer.idle();
    expect(engine.log.map((e) => e.kind)).toEqual(['chime', 'speak', 'speak', 'chime', 'speak', 'speak', 'chime', 'speak', 'speak']);
    expect(engine.sentences).toEqual([
      '请A001号到1号窗口办理',
      '请A001号到1号窗口办理',
      '请B001号到3号窗口办理',
      '请B001号到3号窗口办理',
      '请A001号到1号窗口办理（重呼）',
      '请A001号到1号窗口办理（重呼）',
    ]);
    expect(engine.overlaps).toEqual([]);
  });

  it('drops none of 23 calls made in the same second, and says them in order', async () => {
    const engine = new FakeEngine();
    const announcer = createAnnouncer(engine);
    const calls = Array.from({ length: 23 }, (_, i) => call(`${'ABCDEFGHJKL'[i % 11]}${String(i + 1).padStart(3, '0')}`, i + 1));
    const done = calls.map((c) => announcer.announce(c));
    expect(announcer.pending).toBe(23);
    await vi.runAllTimersAsync();
    await Promise.all(done);
    const expected = calls.flatMap((c) => [`请${c.number}号到${c.windowNo}号窗口办理`, `请${c.number}号到${c.windowNo}号窗口办理`]);
    expect(engine.sentences).toEqual(expected);
    expect(engine.log.filter((e) => e.kind === 'chime')).toHaveLength(23);
    expect(engine.overlaps).toEqual([]);
    expect(announcer.pending).toBe(0);
    // Each announcement starts only when the one before has finished.
    const starts = engine.log.filter((e) => e.kind === 'chime').map((e) => e.at);
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(CHIME_MS + 2 * SPEAK_MS);
  });

  it('goes on after an engine failure, and after an engine that never finishes', async () => {
    const failing = new FakeEngine((text) => text === '请C001号到6号窗口办理');
    const errors: unknown[] = [];
    const announcer = createAnnouncer(failing, { onError: (e) => errors.push(e) });
    void announcer.announce(call('C001', 6));
    void announcer.announce(call('C002', 7));
    await vi.runAllTimersAsync();
    expect(failing.sentences).toEqual(['请C001号到6号窗口办理', '请C001号到6号窗口办理', '请C002号到7号窗口办理', '请C002号到7号窗口办理']);
    expect(errors).toHaveLength(2);

    const spoken: string[] = [];
    const hanging: SpeechEngine = {
      chime: () => Promise.resolve(),
      speak: (phrase) => {
        spoken.push(phrase.text);
        return phrase.text.includes('D001') ? new Promise<void>(() => undefined) : Promise.resolve();
      },
    };
    const stuck: unknown[] = [];
    const patient = createAnnouncer(hanging, { stepTimeoutMs: 5000, onError: (e) => stuck.push(e) });
    void patient.announce(call('D001', 8));
    void patient.announce(call('D002', 9));
    await vi.advanceTimersByTimeAsync(4999);
    expect(spoken).toEqual(['请D001号到8号窗口办理']);
    await vi.runAllTimersAsync();
    await patient.idle();
    expect(spoken).toEqual(['请D001号到8号窗口办理', '请D001号到8号窗口办理', '请D002号到9号窗口办理', '请D002号到9号窗口办理']);
    expect(stuck).toHaveLength(2);
  });

  it('waits in idle() for calls queued meanwhile', async () => {
    const engine = new FakeEngine();
    const announcer = createAnnouncer(engine);
    void announcer.announce(call('E001', 10));
    let idle = false;
    void announcer.idle().then(() => (idle = true));
    await vi.advanceTimersByTimeAsync(1000);
    void announcer.announce(call('E002', 11));
    await vi.advanceTimersByTimeAsync(CHIME_MS + 2 * SPEAK_MS + 400);
    expect(idle).toBe(false);
    await vi.runAllTimersAsync();
    expect(idle).toBe(true);
    expect(engine.sentences).toHaveLength(4);
  });
});

describe('the clip tokens', () => {
  it('reads a number letter by letter, digit by digit', () => {
    expect(numberTokens('A001')).toEqual(['A', '0', '0', '1']);
    expect(numberTokens('l1000')).toEqual(['L', '1', '0', '0', '0']);
  });

  it('says window numbers as Mandarin does', () => {
    expect(windowNoTokens(3)).toEqual(['3']);
    expect(windowNoTokens(10)).toEqual(['shi']);
    expect(windowNoTokens(12)).toEqual(['shi', '2']);
    expect(windowNoTokens(20)).toEqual(['2', 'shi']);
    expect(windowNoTokens(23)).toEqual(['2', 'shi', '3']);
    expect(windowNoTokens(105)).toEqual(['1', '0', '5']);
  });

  it('makes a call into 请 / number / 号 / 到 / window / 号窗口办理, and a recall ends with 重呼', () => {
    expect(callTokens({ number: 'A001', windowNo: 3, recall: false })).toEqual(['qing', 'A', '0', '0', '1', 'hao', 'dao', '3', 'hao-chuangkou-banli']);
    expect(callTokens({ number: 'K015', windowNo: 19, recall: true })).toEqual([
      'qing', 'K', '0', '1', '5', 'hao', 'dao', 'shi', '9', 'hao-chuangkou-banli', 'chonghu',
    ]);
    // Every token has its clip.
    for (let windowNo = 1; windowNo <= 23; windowNo++) {
      for (const token of callTokens({ number: 'Z909', windowNo, recall: true })) expect(clipTokens).toContain(token);
    }
  });

  it('gives text-to-speech the number spelled out, so it is read digit by digit', () => {
    expect(callPhrase({ number: 'A001', windowNo: 3, recall: false })).toEqual({
      text: '请A001号到3号窗口办理',
      speech: '请A 0 0 1号到3号窗口办理',
      tokens: ['qing', 'A', '0', '0', '1', 'hao', 'dao', '3', 'hao-chuangkou-banli'],
    });
  });
});
