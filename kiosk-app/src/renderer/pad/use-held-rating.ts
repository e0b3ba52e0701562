import { useEffect, useState } from 'react';
import { apiFailure, HeldRatingReply, type ApiClient, type EvaluationRequested } from '@hall/shared';
import { HeldSender } from './held-sender';

/** The pad's sender of holds and releases (see held-sender.ts), for as long as the pad is up. */
export function useHeldRating(api: ApiClient, onHeld: (request: EvaluationRequested) => void): HeldSender {
  const [sender] = useState(
    () =>
      new HeldSender({
        send: async (change) => {
          const path = change.kind === 'hold' ? '/api/evaluations/held' : '/api/evaluations/held/release';
          const reply = await api.request('POST', path, HeldRatingReply, { body: change.body });
          return reply.evaluation;
        },
        onHeld,
        retryable: (error) => apiFailure(error).retryable,
        now: () => Date.now(),
      }),
  );
  useEffect(() => {
    // The pad's page going away (reload, power button): what waits goes now, not a second later.
    const leave = () => sender.flush();
    window.addEventListener('pagehide', leave);
    return () => {
      window.removeEventListener('pagehide', leave);
      sender.stop();
    };
  }, [sender]);
  return sender;
}
