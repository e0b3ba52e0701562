import { useCallback, useRef } from 'react';
import { HeldRatingReply, type ApiClient, type EvaluationRequested, type HeldRatingBody } from '@hall/shared';

/**
 * Sends each hold to the server, one at a time and in order: a hold that arrived after a later
 * one would put back what the visitor had already changed. While one is on its way only the
 * newest waiting one is kept. A hold that fails is not retried by itself: the next touch sends
 * all that was chosen again, and the server keeps the last it had.
 */
export function useHeldRating(api: ApiClient, deviceId: string, onHeld: (request: EvaluationRequested) => void) {
  const inFlight = useRef(false);
  const next = useRef<HeldRatingBody | null>(null);

  return useCallback(
    (body: HeldRatingBody) => {
      if (inFlight.current) {
        next.current = body;
        return;
      }
      inFlight.current = true;
      void (async () => {
        for (let current: HeldRatingBody | null = body; current !== null; current = next.current, next.current = null) {
          try {
            const reply = await api.request('POST', '/api/evaluations/held', HeldRatingReply, { body: current, headers: { 'device-id': deviceId } });
            onHeld(reply.evaluation);
          } catch {
            // Kept as before on the server; see above.
          }
        }
        inFlight.current = false;
      })();
    },
    [api, deviceId, onHeld],
  );
}
