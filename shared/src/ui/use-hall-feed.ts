import { useEffect, useEffectEvent, useState } from 'react';
import { connectHallFeed } from '../client/hall-feed';
import type { ClientHello, HallSnapshot, ServerEventName } from '../schemas/events';

export interface HallFeedView {
  snapshot: HallSnapshot | null;
  connected: boolean;
}

/**
 * The hall as the server last told it, and whether the line to the server is up right now.
 * Each event goes to the `onEvent` of the latest render, so a page passes a plain function that
 * reads its current state; the connection stays up across renders. `onRefused`: the server closed
 * or refused the line (the hello's credential ended).
 */
export function useHallFeed(
  serverUrl: string,
  hello: ClientHello,
  onEvent?: (event: ServerEventName, payload: unknown) => void,
  /** The server refused or closed the connection: a device page asks whether it is still paired. */
  onRefused?: () => void,
): HallFeedView {
  const [view, setView] = useState<HallFeedView>({ snapshot: null, connected: false });
  const heard = useEffectEvent((event: ServerEventName, payload: unknown) => onEvent?.(event, payload));
  const refused = useEffectEvent(() => onRefused?.());
  const key = JSON.stringify(hello);
  useEffect(() => {
    const feed = connectHallFeed(serverUrl, hello, {
      onState: (snapshot) => setView((v) => ({ ...v, snapshot })),
      onConnection: (connected) => setView((v) => ({ ...v, connected })),
      onEvent: heard,
      onRefused: refused,
    });
    return () => feed.close();
    // The hello's content, not its identity, decides when to reconnect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [serverUrl, key]);
  return view;
}
