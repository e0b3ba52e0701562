import { t, type CallView, type Locale } from '@hall/shared';

// The voice of the hall screen: every call (and recall) is announced as a chime, then its
// sentence twice: "请A001号到3号窗口办理". Announcements queue: one at a time, in call order,
// none dropped, however many windows call in the same second. The speech engine is injected,
// so this module has no DOM and no sound of its own (the engines are in ./engines).

/** What an engine says, in the forms the engines need. */
export interface Phrase {
  /** The sentence as written: 请A001号到3号窗口办理. */
  text: string;
  /**
   * The sentence for text-to-speech, the number spelled out so that a voice reads it digit by
   * digit ("A 0 0 1", not "A一"): 请A 0 0 1号到3号窗口办理.
   */
  speech: string;
  /** The recorded clips to play one after another, for the clip engine. */
  tokens: readonly string[];
}

export interface SpeechEngine {
  /** A short name for logs: 'speech-synthesis', 'clips', 'fake'. */
  readonly name?: string;
  /** Resolves when the chime has finished playing. */
  chime(): Promise<void>;
  /** Resolves when the phrase has been spoken (or has failed: the queue must go on). */
  speak(phrase: Phrase): Promise<void>;
}

export interface AnnouncerOptions {
  locale?: Locale;
  /** How many times the sentence is spoken; 2 by default. */
  repeats?: number;
  /** Silence between the repeats, ms; 400 by default. */
  pauseMs?: number;
  /**
   * An engine step (chime or sentence) that has not finished after this long is given up, so
   * an engine that hangs cannot stop the announcements that follow; 20 s by default.
   */
  stepTimeoutMs?: number;
  onError?: (error: unknown, call: CallView) => void;
}

export interface Announcer {
  /** Queues the call's announcement; resolves when it has been spoken. Never rejects. */
  announce(call: CallView): Promise<void>;
  /** Calls queued or being announced. */
  readonly pending: number;
  /** Resolves when the queue is empty. */
  idle(): Promise<void>;
}

/** The clips (`/audio/zh/<token>.mp3`) a clip engine needs for any call. */
export const clipTokens = [
  'chime',
  'qing',
  'hao',
  'dao',
  'hao-chuangkou-banli',
  'shi',
  'chonghu',
  ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  ...'0123456789',
] as const;

/** A ticket number read out letter by letter and digit by digit: A001 -> A 0 0 1. */
export function numberTokens(number: string): string[] {
  return [...number.trim().toUpperCase()].filter((c) => /[A-Z0-9]/.test(c));
}

/**
 * A window number as Mandarin says it: 3 -> 3, 10 -> 十, 12 -> 十 2, 20 -> 2 十, 23 -> 2 十 3.
 * Past 99 (no hall has that many windows) digit by digit.
 */
export function windowNoTokens(windowNo: number): string[] {
  if (windowNo < 10 || windowNo > 99) return [...String(windowNo)];
  const tens = Math.floor(windowNo / 10);
  const ones = windowNo % 10;
  return [...(tens === 1 ? [] : [String(tens)]), 'shi', ...(ones === 0 ? [] : [String(ones)])];
}

/** 请 A 0 0 1 号 到 3 号窗口办理 (重呼) */
export function callTokens(call: Pick<CallView, 'number' | 'windowNo' | 'recall'>): string[] {
  return [
    'qing',
    ...numberTokens(call.number),
    'hao',
    'dao',
    ...windowNoTokens(call.windowNo),
    'hao-chuangkou-banli',
    ...(call.recall ? ['chonghu'] : []),
  ];
}

export function callPhrase(call: Pick<CallView, 'number' | 'windowNo' | 'recall'>, locale: Locale = 'zh-CN'): Phrase {
  const key = call.recall ? 'announce.recall' : 'announce.call';
  const text = t(locale, key, { number: call.number, windowNo: call.windowNo });
  const speech = t(locale, key, { number: numberTokens(call.number).join(' '), windowNo: call.windowNo });
  return { text, speech, tokens: callTokens(call) };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The step's own outcome, or a time-out error once `ms` have passed. */
function withTimeout(step: Promise<void>, ms: number, what: string): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<void>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([step, timeout]).finally(() => clearTimeout(timer));
}

export function createAnnouncer(engine: SpeechEngine, options: AnnouncerOptions = {}): Announcer {
  const locale = options.locale ?? 'zh-CN';
  const repeats = options.repeats ?? 2;
  const pauseMs = options.pauseMs ?? 400;
  const stepTimeoutMs = options.stepTimeoutMs ?? 20_000;
  const onError = options.onError ?? ((error: unknown) => console.error('announcement failed', error));

  // The queue is a chain of promises: each announcement starts when the one before has ended.
  let tail: Promise<void> = Promise.resolve();
  let pending = 0;

  async function step(run: () => Promise<void>, what: string, call: CallView): Promise<void> {
    try {
      await withTimeout(Promise.resolve().then(run), stepTimeoutMs, what);
    } catch (error) {
      // One failed step costs that step only: the rest of this call and the queue go on.
      onError(error, call);
    }
  }

  async function speakCall(call: CallView): Promise<void> {
    const phrase = callPhrase(call, locale);
    await step(() => engine.chime(), 'chime', call);
    for (let i = 0; i < repeats; i++) {
      if (i > 0 && pauseMs > 0) await delay(pauseMs);
      await step(() => engine.speak(phrase), `"${phrase.text}"`, call);
    }
  }

  return {
    announce(call) {
      pending++;
      const done = tail.then(() => speakCall(call)).finally(() => {
        pending--;
      });
      tail = done;
      return done;
    },
    get pending() {
      return pending;
    },
    async idle() {
      // Announcements queued while waiting extend the chain: wait until it stops growing.
      for (;;) {
        const seen = tail;
        await seen;
        if (seen === tail) return;
      }
    },
  };
}
