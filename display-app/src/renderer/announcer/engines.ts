import type { Phrase, SpeechEngine } from './announcer';
import { clipTokens } from './announcer';

// The real speech engines of a screen's machine. speechSynthesis where the machine has a
// Mandarin (zh-CN) voice (Windows usually has one), else short recorded clips played one after
// another (请 / A / 0 / 0 / 1 / 号 / 到 / 3 / 号窗口办理), as many hall systems do. Every promise
// settles, whatever the browser does: on the end, on an error, or at a safety time-out.

export interface EngineOptions {
  /** Called when the browser refuses to play sound before a user gesture. */
  onBlocked?: () => void;
}

// ---- the chime: a two-tone "ding-dong" made with Web Audio, so it needs no file ----

let sharedContext: AudioContext | null | undefined;

function audioContext(): AudioContext | null {
  if (sharedContext !== undefined) return sharedContext;
  const Context = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  try {
    sharedContext = Context ? new Context() : null;
  } catch {
    sharedContext = null;
  }
  return sharedContext;
}

export function playChimeTone(): Promise<void> {
  const context = audioContext();
  if (!context) return Promise.resolve();
  if (context.state === 'suspended') context.resume().catch(() => undefined);
  const start = context.currentTime + 0.05;
  // E5 then C5, each ringing out over a second.
  [659.25, 523.25].forEach((frequency, i) => {
    const at = start + i * 0.5;
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.35, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 1.1);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(at);
    oscillator.stop(at + 1.15);
  });
  return new Promise((resolve) => setTimeout(resolve, 1700));
}

/**
 * Reports whether the browser blocks sound until a user gesture (a plain browser does; the
 * Electron display window allows autoplay), now and whenever that changes.
 */
export function watchAudioBlocked(onChange: (blocked: boolean) => void): () => void {
  const context = audioContext();
  if (!context) return () => undefined;
  // A context allowed to play may still say 'suspended' for a moment after it is made.
  const report = () => onChange(context.state !== 'running');
  const timer = setTimeout(report, 500);
  context.addEventListener('statechange', report);
  return () => {
    clearTimeout(timer);
    context.removeEventListener('statechange', report);
  };
}

/** Call from a click or tap: lets the page play sound from now on. */
export async function unlockAudio(): Promise<void> {
  const context = audioContext();
  if ('speechSynthesis' in window) {
    // An utterance spoken inside the gesture unlocks speechSynthesis in Chromium.
    const silent = new SpeechSynthesisUtterance(' ');
    silent.volume = 0;
    window.speechSynthesis.speak(silent);
  }
  await context?.resume().catch(() => undefined);
}

// ---- speechSynthesis ----

/** A Mandarin voice of mainland China, local voices first (they work without the internet). */
export function findMandarinVoice(voices: readonly SpeechSynthesisVoice[]): SpeechSynthesisVoice | null {
  const mandarin = voices.filter((v) => /^(zh[-_](cn|hans)|cmn)/i.test(v.lang));
  return mandarin.find((v) => v.localService) ?? mandarin[0] ?? null;
}

/** Voices arrive after the page loads (the 'voiceschanged' event); waits for them a while. */
export function waitForMandarinVoice(waitMs = 2000): Promise<SpeechSynthesisVoice | null> {
  if (!('speechSynthesis' in window)) return Promise.resolve(null);
  const synth = window.speechSynthesis;
  const now = findMandarinVoice(synth.getVoices());
  if (now) return Promise.resolve(now);
  return new Promise((resolve) => {
    const finish = (voice: SpeechSynthesisVoice | null) => {
      clearTimeout(timer);
      synth.removeEventListener('voiceschanged', onChange);
      resolve(voice);
    };
    const onChange = () => {
      const voice = findMandarinVoice(synth.getVoices());
      if (voice) finish(voice);
    };
    const timer = setTimeout(() => finish(findMandarinVoice(synth.getVoices())), waitMs);
    synth.addEventListener('voiceschanged', onChange);
  });
}

export function speechSynthesisEngine(
  voice: SpeechSynthesisVoice,
  options: EngineOptions & { rate?: number; chime?: () => Promise<void> } = {},
): SpeechEngine {
  const synth = window.speechSynthesis;
  // Chromium forgets an utterance nobody holds and never fires its 'end': hold each one.
  const speaking = new Set<SpeechSynthesisUtterance>();
  return {
    name: 'speech-synthesis',
    chime: options.chime ?? playChimeTone,
    speak(phrase: Phrase) {
      return new Promise<void>((resolve) => {
        const utterance = new SpeechSynthesisUtterance(phrase.speech);
        utterance.voice = voice;
        utterance.lang = voice.lang;
        utterance.rate = options.rate ?? 0.9;
        speaking.add(utterance);
        const done = () => {
          clearTimeout(timer);
          speaking.delete(utterance);
          resolve();
        };
        utterance.onend = done;
        utterance.onerror = (event) => {
          if (event.error === 'not-allowed') options.onBlocked?.();
          done();
        };
        // About three characters a second; a voice that never says 'end' is cut off after that.
        const timer = setTimeout(() => {
          synth.cancel();
          done();
        }, Math.max(6000, phrase.speech.length * 600));
        synth.speak(utterance);
      });
    },
  };
}

// ---- recorded clips ----

/**
 * Plays `<baseUrl>/audio/zh/<token>.mp3` one after another. A clip that is missing or fails is
 * skipped (the chime falls back to the Web Audio tone), so the queue never stalls.
 */
export function clipEngine(baseUrl = '', options: EngineOptions & { clipTimeoutMs?: number } = {}): SpeechEngine {
  const timeoutMs = options.clipTimeoutMs ?? 4000;
  const clips = new Map<string, HTMLAudioElement>();
  const clip = (token: string) => {
    let audio = clips.get(token);
    if (!audio) {
      audio = new Audio(`${baseUrl}/audio/zh/${encodeURIComponent(token)}.mp3`);
      audio.preload = 'auto';
      clips.set(token, audio);
    }
    return audio;
  };
  // Load them all now: the gaps between clips are then only the decoder's.
  for (const token of clipTokens) clip(token);

  /** Resolves true when the clip played to its end. */
  const play = (token: string) =>
    new Promise<boolean>((resolve) => {
      const audio = clip(token);
      const finish = (ended: boolean) => {
        clearTimeout(timer);
        audio.onended = null;
        audio.onerror = null;
        resolve(ended);
      };
      audio.onended = () => finish(true);
      audio.onerror = () => finish(false);
      const timer = setTimeout(() => {
        audio.pause();
        finish(false);
      }, timeoutMs);
      audio.currentTime = 0;
      audio.play().catch((error: unknown) => {
        if ((error as { name?: string }).name === 'NotAllowedError') options.onBlocked?.();
        finish(false);
      });
    });

  return {
    name: 'clips',
    async chime() {
      if (!(await play('chime'))) await playChimeTone();
    },
    async speak(phrase: Phrase) {
      for (const token of phrase.tokens) await play(token);
    },
  };
}

/** speechSynthesis when the machine has a Mandarin voice, else the clips. */
export async function pickEngine(options: EngineOptions & { baseUrl?: string; waitForVoicesMs?: number } = {}): Promise<SpeechEngine> {
  const voice = await waitForMandarinVoice(options.waitForVoicesMs);
  return voice ? speechSynthesisEngine(voice, options) : clipEngine(options.baseUrl ?? '', options);
}

/** An engine usable at once that speaks through `engine` once it is known. */
export function laterEngine(engine: Promise<SpeechEngine>): SpeechEngine {
  return {
    name: 'later',
    chime: async () => (await engine).chime(),
    speak: async (phrase) => (await engine).speak(phrase),
  };
}
