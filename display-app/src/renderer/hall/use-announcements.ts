import { useCallback, useEffect, useRef, useState } from 'react';
import { CallView, type ServerEventName } from '@hall/shared';
import { createAnnouncer, laterEngine, pickEngine, unlockAudio, watchAudioBlocked, type Announcer, type SpeechEngine } from '../announcer';

declare global {
  interface Window {
    /** A speech engine a test puts in place of the machine's (Playwright's addInitScript). */
    __hallSpeechEngine?: SpeechEngine;
  }
}

const callKey = (call: CallView) => `${call.number}@${call.windowNo}@${call.calledAt}${call.recall ? '/recall' : ''}`;
/** Keys remembered against an event delivered twice (e.g. replayed on a recovered connection). */
const REMEMBERED = 500;

export interface Announcements {
  /** For useHallFeed: announces each 'ticket:called' (never the snapshot's history). */
  onEvent(event: ServerEventName, payload: unknown): void;
  /** The latest call announced, to flash it on screen. */
  flashKey: string | null;
  /** The browser blocks sound until someone clicks: the installer is told how to allow it. */
  blocked: boolean;
}

export function useAnnouncements(): Announcements {
  const injected = typeof window.__hallSpeechEngine === 'object' ? window.__hallSpeechEngine : null;
  const [blocked, setBlocked] = useState(false);
  const [announcer] = useState<Announcer>(() =>
    createAnnouncer(injected ?? laterEngine(pickEngine({ baseUrl: window.location.origin, onBlocked: () => setBlocked(true) }))),
  );
  const [flashKey, setFlashKey] = useState<string | null>(null);
  const seen = useRef<string[]>([]);

  useEffect(() => (injected ? undefined : watchAudioBlocked(setBlocked)), [injected]);

  const onEvent = useCallback(
    (event: ServerEventName, payload: unknown) => {
      if (event !== 'ticket:called') return;
      const parsed = CallView.safeParse(payload);
      if (!parsed.success) return;
      const key = callKey(parsed.data);
      if (seen.current.includes(key)) return;
      seen.current = [key, ...seen.current].slice(0, REMEMBERED);
      setFlashKey(key);
      void announcer.announce(parsed.data);
    },
    [announcer],
  );

  // No button on a wall screen; but a click anywhere (an installer's mouse) lets sound play.
  useEffect(() => {
    if (!blocked) return;
    const unlock = () => void unlockAudio().finally(() => setBlocked(false));
    document.addEventListener('pointerdown', unlock, { once: true });
    return () => document.removeEventListener('pointerdown', unlock);
  }, [blocked]);

  return { onEvent, flashKey, blocked };
}

export { callKey };
